namespace Wijkengids.Community.Areas;

// Events of an area's stream: the truth from which the Area aggregate and the AreaView read model are rebuilt (docs/adr/0089).

public sealed record AreaRegistered(Guid AreaId, string Name, string Level, Guid? ParentId) : IDescribedEvent
{
    public string Describe() => $"Gebied {Name} ({Level}) toegevoegd";
}

public sealed record AreaChanged(Guid AreaId, string Name, Guid? ParentId) : IDescribedEvent
{
    public string Describe() => $"Gebied {Name} gewijzigd";
}

/// <summary>The levels of the area hierarchy: a regio holds gemeenten, a gemeente holds wijken.</summary>
public static class AreaLevels
{
    public const string Region = "regio";
    public const string Municipality = "gemeente";
    public const string Neighbourhood = "wijk";

    public static readonly IReadOnlyList<string> All = [Region, Municipality, Neighbourhood];

    /// <summary>The level an area's parent must have (null: no parent allowed).</summary>
    public static string? ParentLevelOf(string level) => level switch
    {
        Municipality => Region,
        Neighbourhood => Municipality,
        _ => null,
    };
}
