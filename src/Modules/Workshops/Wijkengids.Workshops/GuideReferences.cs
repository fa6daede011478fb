using Wijkengids.Content.Contracts;
using Wijkengids.SharedKernel;
using Wijkengids.Workshops.Contracts;

namespace Wijkengids.Workshops;

/// <summary>
/// The parts of the guide a format or a plan van aanpak draws on: a lesson by its short name (the end of /lessen/…)
/// or a section by its number ("1.4"). Checked against the published guide through Content's catalog contract, so a
/// workshop never links to a page that does not exist, and shown with their titles.
/// </summary>
public sealed class GuideReferences(IGuideCatalog catalog)
{
    public const string Pattern = @"^([a-z0-9]+(-[a-z0-9]+)*|\d+(\.\d+)*)$";

    public const string Hint = "Noem een les met haar korte naam (uit het adres /lessen/korte-naam) of een paragraaf met haar nummer (bijvoorbeeld 1.4).";

    /// <summary>Each reference with its title and link; one the guide does not (or no longer) publish has no link.</summary>
    public async Task<IReadOnlyList<GuideLink>> ResolveAsync(IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        if (references.Count == 0) return [];
        var lessons = (await catalog.PublishedLessonsAsync(cancellationToken)).ToDictionary(l => l.Slug);
        var sections = (await catalog.SectionsAsync(cancellationToken)).ToDictionary(s => s.Number);
        return references.Select(r =>
            lessons.TryGetValue(r, out var lesson) ? new GuideLink(r, lesson.Title, "/lessen/" + lesson.Slug)
            : sections.TryGetValue(r, out var section) ? new GuideLink(r, $"{section.Number} {section.Title}", section.Url)
            : new GuideLink(r, r, null)).ToList();
    }

    /// <summary>The guide's themes (slug and name) for the given slugs, in that order; unknown slugs are left out.</summary>
    public async Task<IReadOnlyList<GuideLink>> ThemesAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken)
    {
        if (slugs.Count == 0) return [];
        var themes = (await catalog.ThemesAsync(cancellationToken)).ToDictionary(t => t.Slug);
        return slugs.Where(themes.ContainsKey).Select(s => new GuideLink(s, themes[s].Name, "/themas/" + s)).ToList();
    }

    /// <summary>Refuses (422) themes the guide does not have, naming the ones it has.</summary>
    public async Task EnsureThemesAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken)
    {
        if (slugs.Count == 0) return;
        var themes = await catalog.ThemesAsync(cancellationToken);
        var unknown = slugs.Where(s => themes.All(t => t.Slug != s)).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleViolationException($"Onbekend thema: {string.Join(", ", unknown)}. De gids kent: {string.Join(", ", themes.Select(t => t.Slug))}.");
        }
    }

    /// <summary>Refuses (422) references to lessons or sections the guide does not publish.</summary>
    public async Task EnsurePublishedAsync(IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        var unknown = (await ResolveAsync(references, cancellationToken)).Where(l => l.Url is null).Select(l => l.Reference).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleViolationException($"Niet gevonden in de gepubliceerde gids: {string.Join(", ", unknown)}. {Hint}");
        }
    }
}
