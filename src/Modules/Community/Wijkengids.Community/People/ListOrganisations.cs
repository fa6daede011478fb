namespace Wijkengids.Community.People;

public sealed record ListOrganisations : IRequest<IReadOnlyList<OrganisationSummary>>;

internal sealed class ListOrganisationsHandler(IQuerySession session) : IRequestHandler<ListOrganisations, IReadOnlyList<OrganisationSummary>>
{
    public async Task<IReadOnlyList<OrganisationSummary>> Handle(ListOrganisations request, CancellationToken cancellationToken)
    {
        var organisations = await session.Query<OrganisationView>().ToListAsync(cancellationToken);
        var people = await session.Query<PersonView>().Where(p => !p.Erased).ToListAsync(cancellationToken);
        return organisations
            .Select(o => new OrganisationSummary(o.Id, o.Name, o.Kind, o.Version,
                people.Where(p => p.OrganisationId == o.Id).Select(p => p.Name).Order(StringComparer.CurrentCulture).ToList()))
            .OrderBy(o => o.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    internal static void MapEndpoint(RouteGroupBuilder organisations) =>
        organisations.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListOrganisations(), ct)))
            .WithName("ListOrganisations").WithSummary("Organisaties met hun mensen (openbaar)");
}
