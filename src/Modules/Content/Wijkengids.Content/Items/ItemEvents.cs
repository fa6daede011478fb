namespace Wijkengids.Content.Items;

// The events of a content item's stream (one stream per chapter, section, lesson, news item or page).
// Every event carries actor, correlation and causation; a reason where the editor gave one (docs/adr/0002).

public sealed record ItemCreated(Guid ItemId, string Kind, string Slug) : IDescribedEvent
{
    public string Describe() => $"{Capital(ItemKinds.DutchName(Kind))} aangemaakt ({Slug})";

    internal static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

/// <summary>A draft was saved: a new revision with its full text.</summary>
public sealed record DraftSaved(Guid ItemId, int Revision, ItemText Text, Attribution? Attribution = null) : IDescribedEvent, IRevisionWritten
{
    public RevisionText Written() => new(Text.Title, Text.AuditText(), null, Attribution?.Origin());

    public string Describe() => Attribution is null
        ? $"Concept opgeslagen: revisie {Revision} van \u201c{Text.Title}\u201d"
        : $"Voorstel overgenomen als revisie {Revision} van \u201c{Text.Title}\u201d";
}

/// <summary>An older revision's text was restored as a new revision (revert).</summary>
public sealed record RevisionRestored(Guid ItemId, int Revision, int RestoredFrom, ItemText Text) : IDescribedEvent, IRevisionWritten
{
    public RevisionText Written() => new(Text.Title, Text.AuditText(), RestoredFrom, null);

    public string Describe() => $"Revisie {RestoredFrom} teruggezet als revisie {Revision} van \u201c{Text.Title}\u201d";
}

public sealed record SubmittedForReview(Guid ItemId, int Revision) : IDescribedEvent, IRevisionEvent
{
    public string Describe() => $"Revisie {Revision} ter review aangeboden";
}

/// <summary>
/// Approved by <see cref="Approver"/>, who wrote none of <see cref="Authors"/>' revisions since the last publication (four
/// eyes). Both are null on approvals stored before they were recorded; the event's actor is the approver there.
/// </summary>
public sealed record ReviewApproved(Guid ItemId, int Revision, string? Approver = null, IReadOnlyList<string>? Authors = null)
    : IDescribedEvent, IRevisionEvent
{
    public string Describe() => $"Revisie {Revision} goedgekeurd";
}

public sealed record ChangesRequested(Guid ItemId, int Revision, string Comment, string? Reviewer = null,
    IReadOnlyList<string>? Authors = null) : IDescribedEvent, IRevisionEvent
{
    public string Describe() => $"Wijzigingen gevraagd op revisie {Revision}";
}

/// <summary>A revision was published. Carries its text and attributions, so readers' projections need nothing else.</summary>
public sealed record ItemPublished(Guid ItemId, string Kind, string Slug, int Revision, ItemText Text,
    IReadOnlyList<Attribution> Attributions, DateTimeOffset PublishedAt) : IDescribedEvent, IRevisionEvent
{
    public string Describe() => $"{ItemCreated.Capital(ItemKinds.DutchName(Kind))} \u201c{Text.Title}\u201d gepubliceerd (revisie {Revision})";
}

public sealed record ItemUnpublished(Guid ItemId, string Kind, string Slug) : IDescribedEvent
{
    public string Describe() => $"{ItemCreated.Capital(ItemKinds.DutchName(Kind))} offline gehaald";
}

public sealed record ItemArchived(Guid ItemId, string Kind, string Slug) : IDescribedEvent
{
    public string Describe() => $"{ItemCreated.Capital(ItemKinds.DutchName(Kind))} gearchiveerd";
}
