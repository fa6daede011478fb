using System.Globalization;
using Wijkengids.Content.Items;

namespace Wijkengids.Content.Pages.Redactie;

/// <summary>
/// The edit form of an item, as plain fields that work without JavaScript: lists are one entry per line or
/// comma-separated, sources one per line as "titel | auteur of organisatie | jaar | link | soort".
/// </summary>
public sealed class ItemForm
{
    public string? Title { get; set; }
    public string? Number { get; set; }
    public string? Statement { get; set; }
    public string? Body { get; set; }
    public string? Sources { get; set; }
    public List<string> Themes { get; set; } = [];
    public string? Sections { get; set; }
    public string? Categories { get; set; }
    public string? Date { get; set; }
    public string? Author { get; set; }
    public string? Summary { get; set; }

    public static ItemForm From(ItemText text) => new()
    {
        Title = text.Title,
        Number = text.Number,
        Statement = text.Statement,
        Body = text.Body,
        Sources = string.Join("\n", text.Sources.Select(s =>
            string.Join(" | ", s.Title, s.Author ?? "", s.Year?.ToString(CultureInfo.InvariantCulture) ?? "", s.Link ?? "", SourceKinds.DutchName(s.Kind)))),
        Themes = text.Themes.ToList(),
        Sections = string.Join(", ", text.Sections),
        Categories = string.Join(", ", text.Categories),
        Date = text.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Author = text.Author,
        Summary = string.Join("\n", text.Summary),
    };

    /// <summary>The text to save, or the Dutch reasons why the form cannot be read (per field).</summary>
    public (ItemText? Text, List<(string Field, string Message)> Errors) ToText()
    {
        var errors = new List<(string, string)>();
        var sources = new List<SourceRef>();
        var lines = Lines(Sources);
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split('|').Select(p => p.Trim()).ToArray();
            int? year = null;
            if (parts.Length > 2 && parts[2].Length > 0)
            {
                if (int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var y)) year = y;
                else errors.Add(("Text.Sources", $"Bron {i + 1}: het jaar \u201c{parts[2]}\u201d is geen getal."));
            }
            sources.Add(new SourceRef(parts[0], At(parts, 1), year, At(parts, 3), At(parts, 4) ?? ""));
        }
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
            else errors.Add(("Text.Date", "Geef de datum als jjjj-mm-dd."));
        }
        if (errors.Count > 0) return (null, errors);
        return (new ItemText
        {
            Title = Title ?? "",
            Number = Number,
            Statement = Statement,
            Body = Body ?? "",
            Sources = sources,
            Themes = Themes,
            Sections = Split(Sections),
            Categories = Split(Categories),
            Date = date,
            Author = Author,
            Summary = Lines(Summary),
        }, errors);
    }

    private static string? At(string[] parts, int index) => parts.Length > index && parts[index].Length > 0 ? parts[index] : null;

    private static List<string> Lines(string? value) =>
        (value ?? "").Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static List<string> Split(string? value) =>
        (value ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
