using JasperFx.Events;

namespace Wijkengids.Content.Themes;

public sealed record ThemeDefined(Guid ThemeId, string Slug, string Name, string? Description) : IDescribedEvent
{
    public string Describe() => $"Thema \u201c{Name}\u201d toegevoegd";
}

public sealed record ThemeChanged(Guid ThemeId, string Name, string? Description) : IDescribedEvent
{
    public string Describe() => $"Thema \u201c{Name}\u201d gewijzigd";
}

/// <summary>An editor removed a theme that no item uses any more; its page disappears, its history stays.</summary>
public sealed record ThemeRemoved(Guid ThemeId, string Slug, string Name) : IDescribedEvent
{
    public string Describe() => $"Thema \u201c{Name}\u201d verwijderd";
}

/// <summary>A theme (participatie, veiligheid, wonen, …): inline snapshot of its stream; the slug never changes.</summary>
public sealed class ThemeView
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }

    public static ThemeView Create(ThemeDefined e) => new() { Id = e.ThemeId, Slug = e.Slug, Name = e.Name, Description = e.Description };

    public void Apply(ThemeChanged e)
    {
        Name = e.Name;
        Description = e.Description;
    }

    /// <summary>A removed theme's document is deleted (its slug may be used again); its stream keeps the history.</summary>
    public bool ShouldDelete(ThemeRemoved e) => true;
}
