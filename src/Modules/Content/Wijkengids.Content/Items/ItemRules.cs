using System.Text.RegularExpressions;
using FluentValidation.Results;
using Wijkengids.Content.Themes;

namespace Wijkengids.Content.Items;

/// <summary>
/// What a revision's text must satisfy, per kind. Field errors become a 400 with Dutch messages; references to
/// themes and sections are checked against what exists; a chapter or section number may be used only once.
/// </summary>
internal static partial class ItemRules
{
    [GeneratedRegex(@"^\d{1,3}$")] private static partial Regex ChapterNumber();
    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}$")] private static partial Regex SectionNumber();
    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex Slug();

    public static void EnsureValid(string kind, ItemText text)
    {
        var errors = Check(kind, text).Select(e => new ValidationFailure(e.Property, e.Message)).ToList();
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    public static IEnumerable<(string Property, string Message)> Check(string kind, ItemText text)
    {
        if (string.IsNullOrWhiteSpace(text.Title)) yield return ("Text.Title", "Vul een titel in.");
        else if (text.Title.Length > 200) yield return ("Text.Title", "De titel mag hoogstens 200 tekens hebben.");
        if (text.Body.Length > 100_000) yield return ("Text.Body", "De tekst mag hoogstens 100.000 tekens hebben.");

        if (kind == ItemKinds.Chapter && !ChapterNumber().IsMatch(text.Number ?? ""))
            yield return ("Text.Number", "Geef het hoofdstuk een nummer, bijvoorbeeld 1.");
        if (kind == ItemKinds.Section && !SectionNumber().IsMatch(text.Number ?? ""))
            yield return ("Text.Number", "Geef de paragraaf een nummer als 1.4 (hoofdstuk, punt, paragraaf).");
        if (kind == ItemKinds.Lesson)
        {
            if (string.IsNullOrWhiteSpace(text.Statement)) yield return ("Text.Statement", "Vat de les samen in een korte stelling.");
            else if (text.Statement.Length > 500) yield return ("Text.Statement", "De stelling mag hoogstens 500 tekens hebben.");
        }

        if (text.Sources.Count > 50) yield return ("Text.Sources", "Een les kan hoogstens 50 bronnen hebben.");
        for (var i = 0; i < text.Sources.Count; i++)
        {
            var source = text.Sources[i];
            var at = $"Text.Sources[{i}]";
            if (string.IsNullOrWhiteSpace(source.Title)) yield return ($"{at}.Title", $"Bron {i + 1}: vul de titel in.");
            else if (source.Title.Length > 300) yield return ($"{at}.Title", $"Bron {i + 1}: de titel mag hoogstens 300 tekens hebben.");
            if (source.Author is { Length: > 200 }) yield return ($"{at}.Author", $"Bron {i + 1}: de auteur mag hoogstens 200 tekens hebben.");
            if (SourceKinds.Parse(source.Kind) is null) yield return ($"{at}.Kind", $"Bron {i + 1}: kies de soort onderzoek, praktijk of beleid.");
            if (source.Year is < 1800 or > 2100) yield return ($"{at}.Year", $"Bron {i + 1}: geef een jaartal tussen 1800 en 2100.");
            if (source.Link is { } link && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && link.Length <= 2000))
                yield return ($"{at}.Link", $"Bron {i + 1}: de link moet een webadres zijn dat begint met http:// of https://.");
        }

        if (text.Themes.Count > 20) yield return ("Text.Themes", "Kies hoogstens 20 thema's.");
        if (text.Themes.Any(t => !Slug().IsMatch(t))) yield return ("Text.Themes", "Een thema wordt aangeduid met zijn korte naam, bijvoorbeeld participatie.");
        if (text.Sections.Any(s => !SectionNumber().IsMatch(s))) yield return ("Text.Sections", "Geef paragrafen op als nummers, bijvoorbeeld 1.4.");
        if (text.Categories.Count > 10 || text.Categories.Any(c => c.Length > 50))
            yield return ("Text.Categories", "Hoogstens 10 categorieën van elk hoogstens 50 tekens.");
        if (text.Summary.Count > 30 || text.Summary.Any(p => p.Length > 300))
            yield return ("Text.Summary", "De waaier heeft hoogstens 30 punten van elk hoogstens 300 tekens.");
        if (text.Author is { Length: > 200 }) yield return ("Text.Author", "De auteur mag hoogstens 200 tekens hebben.");
    }

    /// <summary>
    /// Themes and sections must exist; a chapter or section number may be used by one item only. Answers the text with its
    /// sections named by permanent id as well (the numbers are what editors type; the ids what the lesson is attached to).
    /// </summary>
    public static async Task<ItemText> EnsureReferencesAsync(IQuerySession session, Guid itemId, string kind, ItemText text, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationFailure>();
        if (text.Themes.Count > 0)
        {
            var themes = text.Themes.ToArray();
            var known = await session.Query<ThemeView>().Where(t => themes.Contains(t.Slug)).Select(t => t.Slug).ToListAsync(cancellationToken);
            var unknown = themes.Except(known).ToList();
            if (unknown.Count > 0) errors.Add(new("Text.Themes", $"Onbekend thema: {string.Join(", ", unknown)}."));
        }
        var sections = await SectionRefs.IdsOfAsync(session, text.Sections, cancellationToken);
        var unknownSections = text.Sections.Where(n => !sections.ContainsKey(n)).ToList();
        if (unknownSections.Count > 0) errors.Add(new("Text.Sections", $"Onbekende paragraaf: {string.Join(", ", unknownSections)}."));
        if (errors.Count > 0) throw new ValidationException(errors);

        if (kind is ItemKinds.Chapter or ItemKinds.Section && text.Number is { } number)
        {
            var taken = await session.Query<ItemState>()
                .AnyAsync(i => i.Kind == kind && i.Number == number && i.Id != itemId && i.Status != ItemStatus.Archived, cancellationToken);
            if (taken) throw new ConflictException($"Er is al een {ItemKinds.DutchName(kind)} met nummer {number}.");
        }
        return kind == ItemKinds.Lesson || text.Sections.Count > 0 ? text with { SectionIds = text.Sections.Select(n => sections[n]).ToList() } : text;
    }
}
