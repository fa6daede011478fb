namespace Wijkengids.Community.People;

/// <summary>The details of an organisation as an editor gives them.</summary>
public interface IOrganisationDetails
{
    string Name { get; }
    string Kind { get; }
    string? Reason { get; }
}

internal sealed class OrganisationDetailsValidator : AbstractValidator<IOrganisationDetails>
{
    public OrganisationDetailsValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van de organisatie in.")
            .MaximumLength(150).WithMessage("De naam mag hoogstens 150 tekens hebben.");
        RuleFor(x => x.Kind).Must(k => OrganisationKinds.All.Contains(k))
            .WithMessage($"Kies een soort organisatie: {string.Join(", ", OrganisationKinds.All)}.");
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal static class OrganisationSteps
{
    /// <summary>Organisation names are unique, whatever their case (a rule across organisations, so read from the read model).</summary>
    public static async Task EnsureUniqueNameAsync(IQuerySession session, string name, Guid? except, CancellationToken cancellationToken)
    {
        var lower = name.Trim().ToLowerInvariant();
        var all = await session.Query<OrganisationView>().ToListAsync(cancellationToken);
        if (all.Any(o => o.Id != except && o.Name.ToLowerInvariant() == lower))
        {
            throw new ConflictException("Er bestaat al een organisatie met deze naam.");
        }
    }
}
