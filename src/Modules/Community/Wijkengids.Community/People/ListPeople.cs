namespace Wijkengids.Community.People;

/// <summary>Everyone listed on the site (erased people are not), with their organisation and roles.</summary>
public sealed record ListPeople : IRequest<IReadOnlyList<PersonSummary>>;

internal sealed class ListPeopleHandler(IQuerySession session) : IRequestHandler<ListPeople, IReadOnlyList<PersonSummary>>
{
    public async Task<IReadOnlyList<PersonSummary>> Handle(ListPeople request, CancellationToken cancellationToken)
    {
        var people = await session.Query<PersonView>().Where(p => !p.Erased).ToListAsync(cancellationToken);
        var organisations = await PersonSummaries.OrganisationsAsync(session, cancellationToken);
        return people.Select(p => PersonSummaries.Of(p, organisations)).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
    }

    internal static void MapEndpoint(RouteGroupBuilder people) =>
        people.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListPeople(), ct)))
            .WithName("ListPeople").WithSummary("Ambassadeurs, co-creators en trainers (openbaar)");
}

/// <summary>A person as pages and the API show them: with their organisation's name and their roles in the site's order.</summary>
internal static class PersonSummaries
{
    public static async Task<Dictionary<Guid, OrganisationView>> OrganisationsAsync(IQuerySession session, CancellationToken cancellationToken) =>
        (await session.Query<OrganisationView>().ToListAsync(cancellationToken)).ToDictionary(o => o.Id);

    public static PersonSummary Of(PersonView p, IReadOnlyDictionary<Guid, OrganisationView> organisations) =>
        new(p.Id, p.Name, p.OrganisationId,
            p.OrganisationId is { } org && organisations.TryGetValue(org, out var o) ? o.Name : null,
            p.Affiliation, p.Bio,
            p.Roles.OrderBy(r => PersonRoles.All.ToList().IndexOf(r.Role)).Select(r => new RoleSummary(r.Role, r.Team, r.Position)).ToList(),
            p.Version);
}
