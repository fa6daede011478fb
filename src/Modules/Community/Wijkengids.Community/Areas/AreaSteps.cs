namespace Wijkengids.Community.Areas;

/// <summary>What the area slices share: every area by id, and an area as pages and the API show it.</summary>
internal static class AreaSteps
{
    public static async Task<Dictionary<Guid, AreaView>> AllAsync(IQuerySession session, CancellationToken cancellationToken) =>
        (await session.Query<AreaView>().ToListAsync(cancellationToken)).ToDictionary(a => a.Id);

    public static AreaSummary Summarise(AreaView a, IReadOnlyDictionary<Guid, AreaView> areas) =>
        new(a.Id, a.Name, a.Level, a.ParentId, a.ParentId is { } p && areas.TryGetValue(p, out var parent) ? parent.Name : null, a.Version);

    /// <summary>Regions first, each followed by its municipalities and their neighbourhoods; then municipalities without a region.</summary>
    public static IEnumerable<AreaView> Ordered(IReadOnlyDictionary<Guid, AreaView> areas)
    {
        IEnumerable<AreaView> ChildrenOf(Guid? parent) => areas.Values.Where(a => a.ParentId == parent)
            .OrderBy(a => AreaLevels.All.ToList().IndexOf(a.Level)).ThenBy(a => a.Name, StringComparer.CurrentCulture);
        IEnumerable<AreaView> Walk(AreaView area) => new[] { area }.Concat(ChildrenOf(area.Id).SelectMany(Walk));
        return ChildrenOf(null).SelectMany(Walk);
    }

    public static RouteGroupBuilder Group(IEndpointRouteBuilder endpoints) => endpoints.MapGroup("/api/community/areas").WithTags("Community");
}
