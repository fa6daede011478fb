namespace Wijkengids.Content.Editions;

/// <summary>One changed item in an edition, with its change note. <see cref="Change"/> is "major" or "minor".</summary>
public sealed record EditionEntry(Guid ItemId, string Kind, string Title, string Url, int? FromRevision, int ToRevision,
    string Change, string Note, IReadOnlyList<string> Themes);

/// <summary>An editor composed (or re-composed) the next edition: its title and a note per changed item.</summary>
public sealed record EditionComposed(Guid EditionId, int Number, string Title, IReadOnlyList<EditionEntry> Entries) : IDescribedEvent
{
    public string Describe() => $"Update {Number} samengesteld: \u201c{Title}\u201d ({Entries.Count} wijzigingen)";
}

/// <summary>The edition was published to readers (the contract message EditionPublished goes out with it).</summary>
public sealed record EditionReleased(Guid EditionId, int Number, string Title, IReadOnlyList<EditionEntry> Entries, DateTimeOffset PublishedAt)
    : IDescribedEvent, IReleaseEvent
{
    public int? RevisionOf(Guid item) => Entries.FirstOrDefault(e => e.ItemId == item)?.ToRevision;

    public string Describe() => $"Update {Number} gepubliceerd: \u201c{Title}\u201d";
}

public static class ChangeLevels
{
    public const string Major = "major";
    public const string Minor = "minor";

    public static string DutchName(string level) => level == Major ? "grote wijziging" : "kleine wijziging";
}
