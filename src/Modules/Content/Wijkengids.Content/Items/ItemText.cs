namespace Wijkengids.Content.Items;

/// <summary>
/// The full text of one revision of an item. Every save of a draft stores all of it (not a delta), so any
/// revision can be read, compared and restored on its own. Bodies are Markdown, never trusted as HTML.
/// Which fields matter depends on the kind: a section has a number, a lesson a statement, sources, themes and
/// sections, a news item a date and categories, a chapter its waaier points.
/// </summary>
public sealed record ItemText
{
    public string Title { get; init; } = "";

    /// <summary>Chapter ("1") or section ("1.4") number.</summary>
    public string? Number { get; init; }

    /// <summary>A lesson's short statement.</summary>
    public string? Statement { get; init; }

    /// <summary>Markdown.</summary>
    public string Body { get; init; } = "";

    public IReadOnlyList<SourceRef> Sources { get; init; } = [];

    /// <summary>Theme slugs.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];

    /// <summary>Numbers of the sections a lesson belongs to, as they were when the revision was saved (labels).</summary>
    public IReadOnlyList<string> Sections { get; init; } = [];

    /// <summary>
    /// The same sections by their permanent id, in the same order: what the lesson is attached to, whatever their numbers
    /// become. Null on revisions saved before ids were recorded; readers then resolve <see cref="Sections"/> as the numbers
    /// stood at that moment (docs/adr/0107).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Guid>? SectionIds { get; init; }

    /// <summary>News categories ("Nieuws", "Uitgaan").</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>A news item's date, when known.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>A news item's author (person or organisation), when known.</summary>
    public string? Author { get; init; }

    /// <summary>A chapter's short points for the waaier (summary).</summary>
    public IReadOnlyList<string> Summary { get; init; } = [];

    /// <summary>Trimmed, empty values dropped, lists de-duplicated: the form stored in events.</summary>
    public ItemText Normalized() => this with
    {
        Title = Title.Trim(),
        Number = Blank(Number),
        Statement = Blank(Statement),
        Body = (Body ?? "").Replace("\r\n", "\n").Trim(),
        Sources = (Sources ?? []).Select(s => s.Normalized()).ToList(),
        Themes = Clean(Themes),
        Sections = Clean(Sections),
        SectionIds = SectionIds?.Distinct().ToList(),
        Categories = Clean(Categories),
        Author = Blank(Author),
        Summary = (Summary ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).ToList(),
    };

    /// <summary>The words of the revision as the audit compares and traces them: title, statement, body and waaier points.</summary>
    public string AuditText() =>
        string.Join("\n\n", new[] { Title, Statement ?? "", Body ?? "" }.Concat((Summary ?? []).Select(p => "- " + p)).Where(p => p.Length > 0));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Clean(IReadOnlyList<string>? values) =>
        (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList();
}

/// <summary>A source a lesson rests on. <see cref="Kind"/>: research, practice or policy.</summary>
public sealed record SourceRef(string Title, string? Author, int? Year, string? Link, string Kind)
{
    public SourceRef Normalized() => new(Title.Trim(), string.IsNullOrWhiteSpace(Author) ? null : Author.Trim(), Year,
        string.IsNullOrWhiteSpace(Link) ? null : Link.Trim(), SourceKinds.Parse(Kind) ?? Kind);
}

/// <summary>
/// Where a revision came from when it was a contributor's proposal: kept as data, so the published lesson can
/// say "met bijdragen van …". The proposer's name is personal data and sealed with their key (docs/adr/0007).
/// </summary>
public sealed record Attribution(Guid ProposalId, Guid ProposerId, Sealed ProposerName, Guid AcceptedBy, int BasedOnRevision)
{
    /// <summary>The proposal as the audit follows it (<see cref="RevisionOrigin"/>).</summary>
    public RevisionOrigin Origin() =>
        // Stored before these fields were required, an attribution may lack them: the sealed name's subject is the proposer.
        new(ProposalId, ProposerId != Guid.Empty ? ProposerId : ProposerName?.Subject ?? Guid.Empty, ProposerName,
            AcceptedBy == Guid.Empty ? null : AcceptedBy);
}

/// <summary>Comparing texts by what they say (lists by their items), not by reference.</summary>
public static class ItemTexts
{
    /// <summary>When both name their sections by id, the numbers are labels only: a renumbered section is no change.</summary>
    public static bool Same(ItemText a, ItemText b)
    {
        if (a.SectionIds is not null && b.SectionIds is not null)
        {
            a = a with { Sections = [] };
            b = b with { Sections = [] };
        }
        return System.Text.Json.JsonSerializer.Serialize(a.Normalized()) == System.Text.Json.JsonSerializer.Serialize(b.Normalized());
    }
}
