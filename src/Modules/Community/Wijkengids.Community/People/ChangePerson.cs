namespace Wijkengids.Community.People;

/// <summary>An editor changes a person's details and roles (the roles given are the roles they hold afterwards).</summary>
public sealed record ChangePerson(Guid PersonId, string Name, Guid? OrganisationId, string? Affiliation, string? Bio, IReadOnlyList<RoleInput> Roles,
    long? ExpectedVersion, string? Reason) : ICommand<Unit>, IPersonDetails;

internal sealed class ChangePersonValidator : AbstractValidator<ChangePerson>
{
    public ChangePersonValidator() => Include(new PersonDetailsValidator());
}

internal sealed class ChangePersonHandler(PersonSteps steps, IDocumentSession session) : IRequestHandler<ChangePerson, Unit>
{
    public async Task<Unit> Handle(ChangePerson request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.PersonId, request.ExpectedVersion, request.Reason, cancellationToken);
        var person = stream.Aggregate!;
        if (person.Erased) throw new RuleViolationException("De gegevens van deze persoon zijn gewist; er kan niets meer bij.");
        await steps.EnsureOrganisationExistsAsync(request.OrganisationId, cancellationToken);
        var current = await session.LoadAsync<PersonView>(person.Id, cancellationToken) ?? throw new NotFoundException("Deze persoon bestaat niet.");
        if (await steps.ChangedDetailsAsync(person, current, request, cancellationToken) is { } changed) stream.AppendOne(changed);
        foreach (var e in person.ChangeRoles(request.Roles, await steps.NextPositionsAsync(cancellationToken))) stream.AppendOne(e);
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder people) =>
        people.MapPut("/{id:guid}", async (Guid id, PersonBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ChangePerson(id, body.Name ?? "", body.OrganisationId, body.Affiliation, body.Bio, body.Roles ?? [],
                    body.ExpectedVersion, body.Reason), ct);
                return TypedResults.Ok(await mediator.Send(new GetPerson(id), ct));
            })
            .RequireAuthorization(Policies.Editors)
            .WithName("ChangePerson").WithSummary("Gegevens en rollen van een persoon wijzigen (redacteur)");

    internal sealed record PersonBody(string? Name, Guid? OrganisationId, string? Affiliation, string? Bio, IReadOnlyList<RoleInput>? Roles,
        long? ExpectedVersion, string? Reason);
}
