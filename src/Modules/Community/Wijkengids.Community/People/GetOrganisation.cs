namespace Wijkengids.Community.People;

/// <summary>One organisation with the names of its (listed) people.</summary>
public sealed record GetOrganisation(Guid Id) : IRequest<OrganisationSummary>;

internal sealed class GetOrganisationHandler(IQuerySession session) : IRequestHandler<GetOrganisation, OrganisationSummary>
{
    public async Task<OrganisationSummary> Handle(GetOrganisation request, CancellationToken cancellationToken)
    {
        var organisation = await session.LoadAsync<OrganisationView>(request.Id, cancellationToken)
                           ?? throw new NotFoundException("Deze organisatie bestaat niet.");
        var people = await session.Query<PersonView>().Where(p => p.OrganisationId == organisation.Id && !p.Erased).Select(p => p.Name)
            .ToListAsync(cancellationToken);
        return new OrganisationSummary(organisation.Id, organisation.Name, organisation.Kind, organisation.Version, people.ToList());
    }
}
