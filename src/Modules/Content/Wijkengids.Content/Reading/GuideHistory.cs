using Wijkengids.Content.Items;

namespace Wijkengids.Content.Reading;

// The guide through time (docs/adr/0107). Written by the inline PublicGuideProjection from the same events as the
// current guide, so every document here can be rebuilt from the event store.

/// <summary>
/// One published text of an item, as readers saw it from its publication until it was replaced, taken offline or
/// archived. It belongs to the guide as of update n when <see cref="FromEdition"/> ≤ n &lt; <see cref="UntilEdition"/>:
/// the editions are the guide's moments, and the guide as of update n is what readers saw when update n was published.
/// A text published and replaced between two updates belongs to none.
/// </summary>
public sealed class ItemVersion
{
    /// <summary>The id of the event that published it.</summary>
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    public string Kind { get; set; } = "";
    public string Slug { get; set; } = "";
    public string? Number { get; set; }
    public int Revision { get; set; }

    /// <summary>The first update whose guide contains this text.</summary>
    public int FromEdition { get; set; }

    /// <summary>The first update whose guide no longer contains it; null while it is the published text.</summary>
    public int? UntilEdition { get; set; }

    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The sections a lesson belonged to, by permanent id.</summary>
    public List<Guid> SectionIds { get; set; } = [];

    /// <summary>The revision's text (for differences and the paragraph history).</summary>
    public ItemText Text { get; set; } = new();

    /// <summary>The page as readers saw it (rendered once, like <see cref="PublicItem"/>).</summary>
    public PublicItem Item { get; set; } = new();

    public bool InEdition(int edition) => FromEdition <= edition && (UntilEdition is null || UntilEdition > edition);
}

/// <summary>
/// Who held a section number over time ("1.7"): the current holder and those before it. An old number keeps working
/// (301 to where that section is now) and a reused number can say which section held it before.
/// </summary>
public sealed class NumberClaim
{
    /// <summary>The number.</summary>
    public string Id { get; set; } = "";

    /// <summary>Oldest first.</summary>
    public List<NumberHolder> Holders { get; set; } = [];

    public NumberHolder? Current => Holders.LastOrDefault(h => h.Until is null);
}

public sealed class NumberHolder
{
    public Guid SectionId { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset Since { get; set; }
    public DateTimeOffset? Until { get; set; }
}

/// <summary>What the projection remembers of an item between its publications: its open version and the numbers it held.</summary>
public sealed class ItemTrail
{
    public Guid Id { get; set; }
    public Guid? OpenVersion { get; set; }
    public string? Number { get; set; }

    /// <summary>Every number the section held, oldest first (for reactions sent under an earlier number).</summary>
    public List<NumberHolding> Numbers { get; set; } = [];
}

public sealed record NumberHolding(string Number, DateTimeOffset Since, DateTimeOffset? Until);

/// <summary>The updates released so far, in order: the guide's moments.</summary>
public sealed class GuideTimeline
{
    public const string SingletonId = "timeline";
    public string Id { get; set; } = SingletonId;
    public List<TimelineEdition> Editions { get; set; } = [];

    public int Latest => Editions.Count == 0 ? 0 : Editions[^1].Number;
}

public sealed record TimelineEdition(int Number, string Title, DateTimeOffset PublishedAt);
