using Wijkengids.Content.Items;

namespace Wijkengids.Content.Reading;

/// <summary>
/// What readers see of a published item: the published revision, rendered and sanitised once when it is
/// published. Drafts never reach this document; unpublishing or archiving removes it.
/// </summary>
public sealed class PublicItem
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string Slug { get; set; } = "";
    public string? Number { get; set; }
    public string Title { get; set; } = "";
    public string? Statement { get; set; }
    /// <summary>Sanitised HTML of the body.</summary>
    public string BodyHtml { get; set; } = "";
    public List<SourceRef> Sources { get; set; } = [];
    public List<string> Themes { get; set; } = [];
    /// <summary>A lesson's section numbers as they were when it was published: labels only, see <see cref="SectionIds"/>.</summary>
    public List<string> Sections { get; set; } = [];

    /// <summary>The sections a lesson belongs to, by permanent id (a renumbered section keeps its lessons).</summary>
    public List<Guid> SectionIds { get; set; } = [];
    public List<string> Categories { get; set; } = [];
    public DateOnly? Date { get; set; }
    public string? Author { get; set; }
    public List<string> Summary { get; set; } = [];
    public int Revision { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset FirstPublishedAt { get; set; }
    /// <summary>Where the published text came from, when contributors proposed it.</summary>
    public List<Provenance> Contributions { get; set; } = [];
    /// <summary>The edition in which this revision appeared; null while it awaits the next edition.</summary>
    public int? Edition { get; set; }
    /// <summary>The revision as of the last edition that listed this item (the baseline for "what changed").</summary>
    public int? EditionRevision { get; set; }
    public string Url { get; set; } = "";

    /// <summary>A copy that later changes to this one do not reach.</summary>
    public PublicItem Copy()
    {
        var copy = (PublicItem)MemberwiseClone();
        copy.Sources = [.. Sources];
        copy.Themes = [.. Themes];
        copy.Sections = [.. Sections];
        copy.SectionIds = [.. SectionIds];
        copy.Categories = [.. Categories];
        copy.Summary = [.. Summary];
        copy.Contributions = [.. Contributions];
        return copy;
    }
}

/// <summary>From which proposal, proposed by whom, accepted by whom (names are looked up, never copied here).</summary>
public sealed record Provenance(Guid ProposalId, Guid ProposerId, Guid AcceptedBy, int BasedOnRevision);

/// <summary>
/// One number that changes whenever anything readers can see changes (publish, unpublish, archive, edition,
/// theme): the basis of ETags and of output-cache keys.
/// </summary>
public sealed class GuideVersion
{
    public const string SingletonId = "guide";
    public string Id { get; set; } = SingletonId;
    public long Version { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
