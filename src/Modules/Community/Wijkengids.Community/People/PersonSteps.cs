using JasperFx.Events;

namespace Wijkengids.Community.People;

public sealed record RoleInput(string Role, string? Team);

/// <summary>The details of a person as an editor gives them (registering or changing).</summary>
public interface IPersonDetails
{
    string Name { get; }
    Guid? OrganisationId { get; }
    string? Affiliation { get; }
    string? Bio { get; }
    IReadOnlyList<RoleInput> Roles { get; }
    string? Reason { get; }
}

internal sealed class PersonDetailsValidator : AbstractValidator<IPersonDetails>
{
    public PersonDetailsValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Vul een naam in.").MaximumLength(100).WithMessage("De naam mag hoogstens 100 tekens hebben.");
        RuleFor(x => x.Affiliation).MaximumLength(200).WithMessage("De functie of organisatie mag hoogstens 200 tekens hebben.");
        RuleFor(x => x.Bio).MaximumLength(1000).WithMessage("De korte bio mag hoogstens 1000 tekens hebben.");
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
        RuleFor(x => x.Roles).NotNull().WithMessage("Geef de rollen op (mag een lege lijst zijn).");
        RuleForEach(x => x.Roles).Must(r => PersonRoles.All.Contains(r.Role))
            .WithMessage($"Onbekende rol. Kies uit: {string.Join(", ", PersonRoles.All)}.");
        RuleForEach(x => x.Roles).Must(r => r.Role != PersonRoles.CoCreator || PersonRoles.Teams.Contains(r.Team))
            .WithMessage($"Een co-creator hoort bij een team: {string.Join(" of ", PersonRoles.Teams)}.");
    }
}

/// <summary>
/// What registering and changing a person share: loading the stream for a change, sealing the details with the person's
/// key, the organisation that must exist, and the next position of a role on the site's lists.
/// </summary>
internal sealed class PersonSteps(IDocumentSession session, IRequestContext context, IPersonalDataVault vault)
{
    public Task<IEventStream<Person>> FetchAsync(Guid id, long? expectedVersion, string? reason, CancellationToken cancellationToken)
    {
        session.Stamp(context, reason);
        return session.FetchForChangeAsync<Person>(id, expectedVersion, "Deze persoon bestaat niet.",
            "Deze persoon is intussen gewijzigd. Laad de gegevens opnieuw en probeer het nog eens.", cancellationToken);
    }

    public async Task<PersonRegistered> RegisteredAsync(Guid id, IPersonDetails details, CancellationToken cancellationToken) =>
        new(id, await vault.SealAsync(id, details.Name.Trim(), cancellationToken), details.OrganisationId,
            await SealOptionalAsync(id, details.Affiliation, cancellationToken), await SealOptionalAsync(id, details.Bio, cancellationToken));

    /// <summary>The new details, when they differ from what the site shows now (<paramref name="current"/>).</summary>
    public async Task<PersonDetailsChanged?> ChangedDetailsAsync(Person person, PersonView current, IPersonDetails details,
        CancellationToken cancellationToken)
    {
        if (current.Name == details.Name.Trim() && current.OrganisationId == details.OrganisationId &&
            current.Affiliation == Clean(details.Affiliation) && current.Bio == Clean(details.Bio)) return null;
        return person.ChangeDetails(await vault.SealAsync(person.Id, details.Name.Trim(), cancellationToken), details.OrganisationId,
            await SealOptionalAsync(person.Id, details.Affiliation, cancellationToken), await SealOptionalAsync(person.Id, details.Bio, cancellationToken));
    }

    public async Task EnsureOrganisationExistsAsync(Guid? organisationId, CancellationToken cancellationToken)
    {
        if (organisationId is { } id && await session.LoadAsync<OrganisationView>(id, cancellationToken) is null)
        {
            throw new RuleViolationException("Deze organisatie bestaat niet.");
        }
    }

    /// <summary>A new role goes to the end of its list: one past the highest position anyone holds it at.</summary>
    public async Task<Func<string, string?, int>> NextPositionsAsync(CancellationToken cancellationToken)
    {
        var everyone = await session.Query<PersonView>().ToListAsync(cancellationToken);
        return (role, team) => everyone.SelectMany(p => p.Roles).Where(r => r.Role == role && r.Team == team).Select(r => r.Position)
            .DefaultIfEmpty(0).Max() + 1;
    }

    private async Task<Sealed?> SealOptionalAsync(Guid subject, string? value, CancellationToken cancellationToken) =>
        Clean(value) is { } clean ? await vault.SealAsync(subject, clean, cancellationToken) : null;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
