namespace Wijkengids.Community.People;

public sealed record GetPerson(Guid Id) : IRequest<PersonSummary>;

internal sealed class GetPersonHandler(IQuerySession session) : IRequestHandler<GetPerson, PersonSummary>
{
    public async Task<PersonSummary> Handle(GetPerson request, CancellationToken cancellationToken)
    {
        var person = await session.LoadAsync<PersonView>(request.Id, cancellationToken);
        if (person is null || person.Erased) throw new NotFoundException("Deze persoon bestaat niet (meer).");
        return PersonSummaries.Of(person, await PersonSummaries.OrganisationsAsync(session, cancellationToken));
    }

    internal static void MapEndpoint(RouteGroupBuilder people) =>
        people.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetPerson(id), ct)))
            .WithName("GetPerson").WithSummary("Eén persoon (openbaar)");
}
