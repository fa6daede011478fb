using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.Community.Shared;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.People;

public sealed record RoleInput(string Role, string? Team);

public interface IPersonDetails
{
    string Name { get; }
    Guid? OrganisationId { get; }
    string? Affiliation { get; }
    string? Bio { get; }
    IReadOnlyList<RoleInput> Roles { get; }
    string? Reason { get; }
}

/// <summary>An editor adds a person to the site, with their organisation and public roles.</summary>
public sealed record RegisterPerson(string Name, Guid? OrganisationId, string? Affiliation, string? Bio, IReadOnlyList<RoleInput> Roles,
    string? Reason = null) : IRequest<PersonSummary>, IPersonDetails;

/// <summary>An editor changes a person's details and roles (the roles given are the roles they hold afterwards).</summary>
public sealed record ChangePerson(Guid PersonId, string Name, Guid? OrganisationId, string? Affiliation, string? Bio, IReadOnlyList<RoleInput> Roles,
    long? ExpectedVersion, string? Reason) : IRequest<PersonSummary>, IPersonDetails;

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

internal sealed class RegisterPersonValidator : AbstractValidator<RegisterPerson>
{
    public RegisterPersonValidator() => Include(new PersonDetailsValidator());
}

internal sealed class ChangePersonValidator : AbstractValidator<ChangePerson>
{
    public ChangePersonValidator() => Include(new PersonDetailsValidator());
}

internal sealed class ManagePeopleHandler(IDocumentSession session, IRequestContext context, IPersonalDataVault vault)
    : IRequestHandler<RegisterPerson, PersonSummary>, IRequestHandler<ChangePerson, PersonSummary>
{
    public async Task<PersonSummary> Handle(RegisterPerson request, CancellationToken cancellationToken)
    {
        var organisations = await KnownOrganisationAsync(request.OrganisationId, cancellationToken);
        var view = new PersonView { Id = Guid.NewGuid() };
        var events = new List<object> { await RegisteredAsync(view.Id, request, cancellationToken) };
        Apply(view, request);
        events.AddRange(await RoleChangesAsync(view, request.Roles, cancellationToken));
        session.StartWithView(context, request.Reason, view, events);
        await session.SaveChangesAsync(cancellationToken);
        return ListPeopleHandler.Summarise(view, organisations);
    }

    public async Task<PersonSummary> Handle(ChangePerson request, CancellationToken cancellationToken)
    {
        var view = await session.LoadForChangeAsync<PersonView>(request.PersonId, request.ExpectedVersion,
            "Deze persoon bestaat niet.", "Deze persoon is intussen gewijzigd. Laad de gegevens opnieuw en probeer het nog eens.", cancellationToken);
        if (view.Erased) throw new RuleViolationException("De gegevens van deze persoon zijn gewist; er kan niets meer bij.");
        var organisations = await KnownOrganisationAsync(request.OrganisationId, cancellationToken);
        var events = new List<object>();
        if (view.Name != request.Name.Trim() || view.OrganisationId != request.OrganisationId ||
            view.Affiliation != Clean(request.Affiliation) || view.Bio != Clean(request.Bio))
        {
            events.Add(new PersonDetailsChanged(view.Id, await vault.SealAsync(view.Id, request.Name.Trim(), cancellationToken),
                request.OrganisationId, await SealOptionalAsync(view.Id, request.Affiliation, cancellationToken),
                await SealOptionalAsync(view.Id, request.Bio, cancellationToken)));
            Apply(view, request);
        }
        events.AddRange(await RoleChangesAsync(view, request.Roles, cancellationToken));
        if (events.Count == 0) return ListPeopleHandler.Summarise(view, organisations);
        session.AppendWithView(context, request.Reason, view, events);
        await session.SaveChangesAsync(cancellationToken);
        return ListPeopleHandler.Summarise(view, organisations);
    }

    internal async Task<PersonRegistered> RegisteredAsync(Guid id, IPersonDetails details, CancellationToken cancellationToken) =>
        new(id, await vault.SealAsync(id, details.Name.Trim(), cancellationToken), details.OrganisationId,
            await SealOptionalAsync(id, details.Affiliation, cancellationToken), await SealOptionalAsync(id, details.Bio, cancellationToken));

    internal static void Apply(PersonView view, IPersonDetails details)
    {
        view.Name = details.Name.Trim();
        view.OrganisationId = details.OrganisationId;
        view.Affiliation = Clean(details.Affiliation);
        view.Bio = Clean(details.Bio);
    }

    /// <summary>Adds and removes roles so the person holds exactly <paramref name="wanted"/>; a new role goes to the end of its list.</summary>
    private async Task<List<object>> RoleChangesAsync(PersonView view, IReadOnlyList<RoleInput> wanted, CancellationToken cancellationToken)
    {
        var target = wanted.Select(r => (r.Role, Team: r.Role == PersonRoles.CoCreator ? r.Team : null)).Distinct().ToList();
        var events = new List<object>();
        foreach (var removed in view.Roles.Where(r => !target.Contains((r.Role, r.Team))).ToList())
        {
            events.Add(new PersonRoleRemoved(view.Id, removed.Role, removed.Team));
            view.Roles.Remove(removed);
        }
        var added = target.Where(t => !view.Roles.Any(r => r.Role == t.Role && r.Team == t.Team)).ToList();
        if (added.Count == 0) return events;
        var everyone = await session.Query<PersonView>().ToListAsync(cancellationToken);
        foreach (var (role, team) in added)
        {
            var position = everyone.SelectMany(p => p.Roles).Where(r => r.Role == role && r.Team == team).Select(r => r.Position)
                .DefaultIfEmpty(0).Max() + 1;
            events.Add(new PersonRoleAdded(view.Id, role, team, position));
            view.Roles.Add(new PersonRole(role, team, position));
        }
        return events;
    }

    private async Task<Dictionary<Guid, OrganisationView>> KnownOrganisationAsync(Guid? organisationId, CancellationToken cancellationToken)
    {
        var organisations = (await session.Query<OrganisationView>().ToListAsync(cancellationToken)).ToDictionary(o => o.Id);
        if (organisationId is { } id && !organisations.ContainsKey(id)) throw new RuleViolationException("Deze organisatie bestaat niet.");
        return organisations;
    }

    private async Task<Sealed?> SealOptionalAsync(Guid subject, string? value, CancellationToken cancellationToken) =>
        Clean(value) is { } clean ? await vault.SealAsync(subject, clean, cancellationToken) : null;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static void MapEndpoints(RouteGroupBuilder people)
    {
        people.MapPost("/", async (RegisterPerson command, IMediator mediator, CancellationToken ct) =>
            {
                var person = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/community/people/{person.Id}", person);
            })
            .RequireAuthorization(Policies.Editors)
            .WithName("RegisterPerson").WithSummary("Persoon toevoegen (redacteur)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        people.MapPut("/{id:guid}", async (Guid id, PersonBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ChangePerson(id, body.Name ?? "", body.OrganisationId, body.Affiliation, body.Bio,
                    body.Roles ?? [], body.ExpectedVersion, body.Reason), ct)))
            .RequireAuthorization(Policies.Editors)
            .WithName("ChangePerson").WithSummary("Gegevens en rollen van een persoon wijzigen (redacteur)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    internal sealed record PersonBody(string? Name, Guid? OrganisationId, string? Affiliation, string? Bio, IReadOnlyList<RoleInput>? Roles,
        long? ExpectedVersion, string? Reason);
}
