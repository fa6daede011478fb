namespace Wijkengids.Community.People;

/// <summary>An editor adds a person to the site, with their organisation and public roles; the answer is the new person's id.</summary>
public sealed record RegisterPerson(string Name, Guid? OrganisationId, string? Affiliation, string? Bio, IReadOnlyList<RoleInput> Roles,
    string? Reason = null) : ICommand<Guid>, IPersonDetails;

internal sealed class RegisterPersonValidator : AbstractValidator<RegisterPerson>
{
    public RegisterPersonValidator() => Include(new PersonDetailsValidator());
}

internal sealed class RegisterPersonHandler(PersonSteps steps, IDocumentSession session, IRequestContext context) : IRequestHandler<RegisterPerson, Guid>
{
    public async Task<Guid> Handle(RegisterPerson request, CancellationToken cancellationToken)
    {
        await steps.EnsureOrganisationExistsAsync(request.OrganisationId, cancellationToken);
        var id = Guid.NewGuid();
        var events = new List<object> { await steps.RegisteredAsync(id, request, cancellationToken) };
        events.AddRange(Person.FirstRoles(id, request.Roles, await steps.NextPositionsAsync(cancellationToken)));
        session.Stamp(context, request.Reason);
        session.Events.StartStream<Person>(id, events);
        return id;
    }

    internal static void MapEndpoint(RouteGroupBuilder people) =>
        people.MapPost("/", async (RegisterPerson command, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/community/people/{id}", await mediator.Send(new GetPerson(id), ct));
            })
            .RequireAuthorization(Policies.Editors)
            .WithName("RegisterPerson").WithSummary("Persoon toevoegen (redacteur)");
}
