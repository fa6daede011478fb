namespace Wijkengids.Community.Areas;

/// <summary>
/// An area's write model: rebuilt from its stream, it decides where a new or renamed area may lie. Where it lies is a rule
/// across areas (the parent's level, no two of the same name in one place), so the decisions get the areas as the site
/// shows them.
/// </summary>
public sealed class Area
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Name { get; set; } = "";
    public string Level { get; set; } = "";
    public Guid? ParentId { get; set; }

    public static AreaRegistered Register(Guid id, string name, string level, Guid? parentId) => new(id, name.Trim(), level, parentId);

    /// <summary>A new area, placed by the rules among <paramref name="areas"/>.</summary>
    public static AreaRegistered Register(Guid id, string name, string level, Guid? parentId, IReadOnlyDictionary<Guid, AreaView> areas)
    {
        var registered = Register(id, name, level, parentId);
        EnsurePlace(id, registered.Name, level, parentId, areas);
        return registered;
    }

    public static Area Create(AreaRegistered e) => new() { Id = e.AreaId, Name = e.Name, Level = e.Level, ParentId = e.ParentId };

    public void Apply(AreaChanged e) => (Name, ParentId) = (e.Name, e.ParentId);

    /// <summary>Renamed and/or moved under another parent of the right level; nothing when both stay as they are.</summary>
    public AreaChanged? Change(string name, Guid? parentId, IReadOnlyDictionary<Guid, AreaView> areas)
    {
        name = name.Trim();
        if (Name == name && ParentId == parentId) return null;
        EnsurePlace(Id, name, Level, parentId, areas);
        return new AreaChanged(Id, name, parentId);
    }

    private static void EnsurePlace(Guid id, string name, string level, Guid? parentId, IReadOnlyDictionary<Guid, AreaView> areas)
    {
        var parentLevel = AreaLevels.ParentLevelOf(level);
        if (parentId is { } parent)
        {
            if (!areas.TryGetValue(parent, out var above)) throw new RuleViolationException("Het bovenliggende gebied bestaat niet.");
            if (above.Level != parentLevel)
            {
                throw new RuleViolationException(parentLevel is null
                    ? "Een regio ligt niet in een ander gebied."
                    : $"Een {level} ligt in een {parentLevel}, niet in een {above.Level}.");
            }
        }
        if (areas.Values.Any(a => a.Id != id && a.ParentId == parentId && a.Level == level &&
                                  string.Equals(a.Name, name, StringComparison.CurrentCultureIgnoreCase)))
        {
            throw new ConflictException($"Er bestaat al een {level} met de naam {name} op deze plek.");
        }
    }
}
