namespace Wijkengids.Contributions.Reactions;

/// <summary>
/// A reaction as editors and the sender see it: the inline projection of its stream (<see cref="ReactionViewProjection"/>),
/// so it can be rebuilt from the events at any time. Holds the clear text revealed from the sealed values; after an
/// erasure those can no longer be read and the view shows "[gewist]". Plain text only: pages encode it.
/// </summary>
public sealed class ReactionView
{
    public Guid Id { get; set; }
    public string About { get; set; } = "";
    public Guid Subject { get; set; }
    public Guid? AccountId { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Organisation { get; set; }
    public string Message { get; set; } = "";
    /// <summary>Lower-cased, whitespace-folded message: finds duplicates sent twice within minutes.</summary>
    public string Fingerprint { get; set; } = "";
    public bool ShowName { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public bool Published { get; set; }
    public bool Handled { get; set; }
    public bool Spam { get; set; }
    public string? SpamReason { get; set; }
    public string? Answer { get; set; }
    public bool AnswerPublic { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>Taken offline by an editor after it was published.</summary>
    public bool Removed { get; set; }
    /// <summary>The reason code of the last decision (<see cref="Moderation.ModerationReasons"/>); null while nothing was decided or when recorded before codes.</summary>
    public string? ReasonCode { get; set; }
    /// <summary>The editor's words to the sender with a removal, if any.</summary>
    public string? DecisionNote { get; set; }
    /// <summary>Null, or the state of the sender's objection to a removal (<see cref="Moderation.Appeals"/>).</summary>
    public string? Appeal { get; set; }
    public string? AppealMotivation { get; set; }
    public DateTimeOffset? AppealedAt { get; set; }
    public string? AppealExplanation { get; set; }
    public DateTimeOffset? AppealDecidedAt { get; set; }
    public long Version { get; set; }

    /// <summary>Follows from the flags; stored with the document by its stable string, and read from the flags again when loaded.</summary>
    public ReactionStatus Status => Spam ? ReactionStatus.Spam : Handled ? ReactionStatus.Handled : Published ? ReactionStatus.Published
        : Removed ? ReactionStatus.Withdrawn : Answer is not null ? ReactionStatus.Answered : ReactionStatus.Received;

    /// <summary>May the sender object now: removed or hidden as spam, and not objected before.</summary>
    public bool CanObject => (Removed || Spam) && Appeal is null && AccountId is not null && Email != "";
}

/// <summary>A reaction as shown publicly under its section or lesson: the name only if the sender agreed.</summary>
public sealed record PublicReaction(Guid Id, string About, string Author, string Message, DateTimeOffset ReceivedAt, string? Answer);

/// <summary>A reaction as editors see it in the moderation queue, and as its sender sees it.</summary>
public sealed record ReactionDetails(Guid Id, string About, string AboutText, string Name, string Email, string? Organisation,
    string Message, bool ShowName, DateTimeOffset ReceivedAt, ReactionStatus Status, string? Answer, bool AnswerPublic, string? SpamReason, long Version,
    string? ReasonCode = null, string? ReasonText = null, string? DecisionNote = null, string? Appeal = null, string? AppealMotivation = null,
    string? AppealExplanation = null, bool CanObject = false)
{
    public static ReactionDetails From(ReactionView v) => new(v.Id, v.About, ReactionAbout.Describe(v.About), v.Name, v.Email, v.Organisation,
        v.Message, v.ShowName, v.ReceivedAt, v.Status, v.Answer, v.AnswerPublic, v.SpamReason, v.Version, v.ReasonCode,
        v.ReasonCode is null ? null : Moderation.ModerationReasons.DutchName(v.ReasonCode), v.DecisionNote, v.Appeal, v.AppealMotivation,
        v.AppealExplanation, v.CanObject);
}
