using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.People;

/// <summary>Everyone listed on the site (erased people are not), with their organisation and roles.</summary>
public sealed record ListPeople : IRequest<IReadOnlyList<PersonSummary>>;

public sealed record GetPerson(Guid Id) : IRequest<PersonSummary>;

public sealed record ListOrganisations : IRequest<IReadOnlyList<OrganisationSummary>>;

internal sealed class ListPeopleHandler(IQuerySession session)
    : IRequestHandler<ListPeople, IReadOnlyList<PersonSummary>>, IRequestHandler<GetPerson, PersonSummary>,
        IRequestHandler<ListOrganisations, IReadOnlyList<OrganisationSummary>>
{
    public async Task<IReadOnlyList<PersonSummary>> Handle(ListPeople request, CancellationToken cancellationToken)
    {
        var people = await session.Query<PersonView>().Where(p => !p.Erased).ToListAsync(cancellationToken);
        var organisations = await OrganisationsAsync(cancellationToken);
        return people.Select(p => Summarise(p, organisations)).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
    }

    public async Task<PersonSummary> Handle(GetPerson request, CancellationToken cancellationToken)
    {
        var person = await session.LoadAsync<PersonView>(request.Id, cancellationToken);
        if (person is null || person.Erased) throw new NotFoundException("Deze persoon bestaat niet (meer).");
        return Summarise(person, await OrganisationsAsync(cancellationToken));
    }

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

    private async Task<Dictionary<Guid, OrganisationView>> OrganisationsAsync(CancellationToken cancellationToken) =>
        (await session.Query<OrganisationView>().ToListAsync(cancellationToken)).ToDictionary(o => o.Id);

    internal static PersonSummary Summarise(PersonView p, IReadOnlyDictionary<Guid, OrganisationView> organisations) =>
        new(p.Id, p.Name, p.OrganisationId,
            p.OrganisationId is { } org && organisations.TryGetValue(org, out var o) ? o.Name : null,
            p.Affiliation, p.Bio,
            p.Roles.OrderBy(r => PersonRolesOrder(r.Role)).Select(r => new RoleSummary(r.Role, r.Team, r.Position)).ToList(),
            p.Version);

    private static int PersonRolesOrder(string role) => PersonRoles.All.ToList().IndexOf(role);

    internal static void MapEndpoints(RouteGroupBuilder people, RouteGroupBuilder organisations)
    {
        people.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListPeople(), ct)))
            .WithName("ListPeople").WithSummary("Ambassadeurs, co-creators en trainers (openbaar)");
        people.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetPerson(id), ct)))
            .WithName("GetPerson").WithSummary("Eén persoon (openbaar)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        organisations.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListOrganisations(), ct)))
            .WithName("ListOrganisations").WithSummary("Organisaties met hun mensen (openbaar)");
    }
}
