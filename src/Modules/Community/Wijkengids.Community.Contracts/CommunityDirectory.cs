namespace Wijkengids.Community.Contracts;

/// <summary>
/// What other modules may read of Community's people and areas (implemented by Community, registered in DI).
/// Erased people are not returned.
/// </summary>
public interface ICommunityDirectory
{
    /// <summary>Everyone listed on the site, with their public roles.</summary>
    Task<IReadOnlyList<DirectoryPerson>> PeopleAsync(CancellationToken cancellationToken = default);

    /// <summary>The trainers of the werkateliers, in the order of the site's list.</summary>
    Task<IReadOnlyList<DirectoryPerson>> TrainersAsync(CancellationToken cancellationToken = default);

    /// <summary>One person, or null when unknown or erased.</summary>
    Task<DirectoryPerson?> PersonAsync(Guid personId, CancellationToken cancellationToken = default);

    /// <summary>All regions, municipalities and neighbourhoods.</summary>
    Task<IReadOnlyList<DirectoryArea>> AreasAsync(CancellationToken cancellationToken = default);

    /// <summary>One area, or null when unknown.</summary>
    Task<DirectoryArea?> AreaAsync(Guid areaId, CancellationToken cancellationToken = default);
}

/// <summary>A person as other modules see them. <see cref="Roles"/>: "ambassadeur", "co-creator", "trainer".</summary>
public sealed record DirectoryPerson(Guid Id, string Name, string? Organisation, string? Affiliation, IReadOnlyList<DirectoryRole> Roles);

public sealed record DirectoryRole(string Role, string? Team, int Position);

/// <summary>An area; <see cref="Level"/> is "regio", "gemeente" or "wijk"; <see cref="ParentId"/> the area it lies in.</summary>
public sealed record DirectoryArea(Guid Id, string Name, string Level, Guid? ParentId, string? ParentName);
