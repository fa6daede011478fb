using MediatR;
using Wijkengids.Community.Areas;
using Wijkengids.Community.Contracts;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.People;

/// <summary>Community's answer to <see cref="ICommunityDirectory"/>: other modules read people and areas here, never Community's tables.</summary>
internal sealed class CommunityDirectory(IMediator mediator) : ICommunityDirectory
{
    public async Task<IReadOnlyList<DirectoryPerson>> PeopleAsync(CancellationToken cancellationToken = default) =>
        (await mediator.Send(new ListPeople(), cancellationToken)).Select(ToDirectory).ToList();

    public async Task<IReadOnlyList<DirectoryPerson>> TrainersAsync(CancellationToken cancellationToken = default) =>
        (await PeopleAsync(cancellationToken))
        .Where(p => p.Roles.Any(r => r.Role == PersonRoles.Trainer))
        .OrderBy(p => p.Roles.First(r => r.Role == PersonRoles.Trainer).Position)
        .ToList();

    public async Task<DirectoryPerson?> PersonAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        try
        {
            return ToDirectory(await mediator.Send(new GetPerson(personId), cancellationToken));
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<DirectoryArea>> AreasAsync(CancellationToken cancellationToken = default) =>
        (await mediator.Send(new ListAreas(), cancellationToken))
        .Select(a => new DirectoryArea(a.Id, a.Name, a.Level, a.ParentId, a.ParentName)).ToList();

    public async Task<DirectoryArea?> AreaAsync(Guid areaId, CancellationToken cancellationToken = default) =>
        (await AreasAsync(cancellationToken)).FirstOrDefault(a => a.Id == areaId);

    private static DirectoryPerson ToDirectory(PersonSummary p) =>
        new(p.Id, p.Name, p.OrganisationName, p.Affiliation, p.Roles.Select(r => new DirectoryRole(r.Role, r.Team, r.Position)).ToList());
}
