using JasperFx.Events;

namespace Wijkengids.Content.Items;

/// <summary>
/// The current state of an item's stream: the write model that decides (four-eyes, workflow) and the editors'
/// read model, kept as an inline snapshot so it is exact right after every write.
/// </summary>
public sealed class ItemState
{
    public Guid Id { get; set; }

    /// <summary>Stream version: the expected version for the next change.</summary>
    public long Version { get; set; }

    public string Kind { get; set; } = "";
    public string Slug { get; set; } = "";
    public int Revision { get; set; }
    public ItemText Text { get; set; } = new();
    public ItemStatus Status { get; set; } = ItemStatus.Draft;

    /// <summary>The actor who saved the latest revision.</summary>
    public string LastAuthor { get; set; } = "";

    /// <summary>
    /// Everyone who wrote a revision since the last publication (a draft, a proposal taken in, a revert): none of them may
    /// review it (four eyes). Emptied when a revision is published.
    /// </summary>
    public List<string> AuthorsSincePublication { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }
    public string? ReviewComment { get; set; }
    public string? Reviewer { get; set; }
    public int? PublishedRevision { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public List<Attribution> Attributions { get; set; } = [];

    // Copies for querying (indexes on the snapshot document).
    public string Title { get; set; } = "";
    public string? Number { get; set; }

    public static ItemState Create(IEvent<ItemCreated> e) => new()
    {
        Id = e.Data.ItemId,
        Kind = e.Data.Kind,
        Slug = e.Data.Slug,
        CreatedAt = e.Timestamp,
        LastChangedAt = e.Timestamp,
        LastAuthor = ActorOf(e),
    };

    public void Apply(IEvent<DraftSaved> e)
    {
        NewRevision(e, e.Data.Revision, e.Data.Text);
        if (e.Data.Attribution is { } attribution) Attributions.Add(attribution);
    }

    public void Apply(IEvent<RevisionRestored> e) => NewRevision(e, e.Data.Revision, e.Data.Text);

    public void Apply(IEvent<SubmittedForReview> e) => Step(e, ItemStatus.InReview);

    public void Apply(IEvent<ReviewApproved> e)
    {
        Step(e, ItemStatus.Approved);
        Reviewer = ActorOf(e);
        ReviewComment = null;
    }

    public void Apply(IEvent<ChangesRequested> e)
    {
        Step(e, ItemStatus.ChangesRequested);
        Reviewer = ActorOf(e);
        ReviewComment = e.Data.Comment;
    }

    public void Apply(IEvent<ItemPublished> e)
    {
        Step(e, ItemStatus.Published);
        PublishedRevision = e.Data.Revision;
        PublishedAt = e.Data.PublishedAt;
        AuthorsSincePublication = [];
    }

    public void Apply(IEvent<ItemUnpublished> e)
    {
        Step(e, Status == ItemStatus.Published ? ItemStatus.Unpublished : Status);
        PublishedRevision = null;
    }

    public void Apply(IEvent<ItemArchived> e)
    {
        Step(e, ItemStatus.Archived);
        PublishedRevision = null;
    }

    private void NewRevision(IEvent e, int revision, ItemText text)
    {
        Revision = revision;
        Text = text;
        Title = text.Title;
        Number = text.Number;
        Status = ItemStatus.Draft;
        LastAuthor = ActorOf(e);
        if (!AuthorsSincePublication.Contains(LastAuthor)) AuthorsSincePublication.Add(LastAuthor);
        LastChangedAt = e.Timestamp;
        ReviewComment = null;
        Reviewer = null;
    }

    private void Step(IEvent e, ItemStatus status)
    {
        Status = status;
        LastChangedAt = e.Timestamp;
    }

    private static string ActorOf(IEvent e) => string.IsNullOrEmpty(e.UserName) ? IRequestContext.SystemActor : e.UserName;

    // ---- decisions: each returns the event to append, or throws a Dutch domain problem ----

    public DraftSaved SaveDraft(ItemText text, Attribution? attribution = null)
    {
        EnsureNotArchived();
        // A save that changes nothing would make its writer an author without writing anything (and sidestep four eyes).
        if (attribution is null && Revision > 0 && ItemTexts.Same(text, Text))
        {
            throw new RuleViolationException("Er is niets gewijzigd ten opzichte van revisie " + Revision + ". Er is geen nieuwe revisie opgeslagen.");
        }
        return new DraftSaved(Id, Revision + 1, text, attribution);
    }

    public RevisionRestored Restore(int revision, ItemText olderText)
    {
        EnsureNotArchived();
        if (revision == Revision) throw new RuleViolationException($"Revisie {revision} is al de huidige tekst.");
        if (ItemTexts.Same(olderText, Text))
        {
            throw new RuleViolationException($"Revisie {revision} heeft dezelfde tekst als de huidige revisie {Revision}. Er is niets teruggezet.");
        }
        return new RevisionRestored(Id, Revision + 1, revision, olderText);
    }

    public SubmittedForReview Submit()
    {
        EnsureNotArchived();
        if (Status is not (ItemStatus.Draft or ItemStatus.ChangesRequested))
        {
            throw new RuleViolationException($"Alleen een concept kan ter review worden aangeboden; dit item is {Status.Dutch()}.");
        }
        return new SubmittedForReview(Id, Revision);
    }

    public ReviewApproved Approve(string reviewer)
    {
        EnsureReviewable(reviewer);
        return new ReviewApproved(Id, Revision, reviewer, Authors());
    }

    public ChangesRequested RequestChanges(string reviewer, string comment)
    {
        EnsureReviewable(reviewer);
        return new ChangesRequested(Id, Revision, comment.Trim(), reviewer, Authors());
    }

    /// <summary>Who wrote the text under review: everyone since the last publication (at least the latest revision's writer).</summary>
    private List<string> Authors() => AuthorsSincePublication.Count > 0 ? AuthorsSincePublication.ToList() : [LastAuthor];

    public ItemPublished Publish(DateTimeOffset now)
    {
        if (Status != ItemStatus.Approved)
        {
            throw new RuleViolationException($"Alleen een goedgekeurde revisie kan worden gepubliceerd; dit item is {Status.Dutch()}.");
        }
        return new ItemPublished(Id, Kind, Slug, Revision, Text, Attributions.ToList(), now);
    }

    public ItemUnpublished Unpublish()
    {
        if (PublishedRevision is null) throw new RuleViolationException("Dit item is niet gepubliceerd.");
        return new ItemUnpublished(Id, Kind, Slug);
    }

    public ItemArchived Archive()
    {
        EnsureNotArchived();
        return new ItemArchived(Id, Kind, Slug);
    }

    private void EnsureReviewable(string reviewer)
    {
        if (Status != ItemStatus.InReview)
        {
            throw new RuleViolationException($"Alleen een revisie die ter review ligt kan worden beoordeeld; dit item is {Status.Dutch()}.");
        }
        if (reviewer == LastAuthor)
        {
            throw new RuleViolationException("Vier ogen: u hebt deze revisie zelf geschreven. Een andere redacteur moet haar beoordelen.");
        }
        if (Authors().Contains(reviewer))
        {
            throw new RuleViolationException("Vier ogen: u hebt sinds de vorige publicatie zelf een revisie van dit item geschreven. " +
                                             "Een redacteur die er niet aan schreef moet het beoordelen.");
        }
    }

    private void EnsureNotArchived()
    {
        if (Status == ItemStatus.Archived) throw new RuleViolationException("Dit item is gearchiveerd en kan niet meer worden gewijzigd.");
    }
}
