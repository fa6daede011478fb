namespace Wijkengids.Community.Areas;

/// <summary>An area as the site shows it: the inline projection of its events (<see cref="AreaViewProjection"/>).</summary>
public sealed class AreaView
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Level { get; set; } = "";
    public Guid? ParentId { get; set; }
    public long Version { get; set; }
}

public sealed record AreaSummary(Guid Id, string Name, string Level, Guid? ParentId, string? ParentName, long Version);
