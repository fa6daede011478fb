using Wijkengids.Contributions.Contracts;

namespace Wijkengids.Contributions.Proposals;

/// <summary>
/// A proposal as the editors and its proposer see it, written together with its events. <see cref="BaseRevision"/> and
/// the Base* fields are the published lesson text the contributor started from, copied at submission, so the diff stays
/// readable after the lesson moves on. Plain text: pages encode everything.
/// </summary>
public sealed class ProposalView
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public ProposalStatus Status { get; set; } = ProposalStatus.Submitted;
    public Guid AccountId { get; set; }
    public string ProposerName { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public Guid? LessonId { get; set; }
    public string? LessonSlug { get; set; }
    public string? LessonTitle { get; set; }
    public List<string> Sections { get; set; } = [];
    public List<string> Themes { get; set; } = [];
    public int BaseRevision { get; set; }
    public string? BaseTitle { get; set; }
    public string? BaseStatement { get; set; }
    public string? BaseBody { get; set; }
    public List<ProposedSource> BaseSources { get; set; } = [];
    public string? Title { get; set; }
    public string? Statement { get; set; }
    public string? Body { get; set; }
    public ProposedSource? Source { get; set; }
    /// <summary>The source was sealed with the proposer's key (docs/adr/0103): erasing them removes it.</summary>
    public bool SourceSealed { get; set; }
    public string Motivation { get; set; } = "";
    public List<ProposalNote> Conversation { get; set; } = [];
    /// <summary>The editor's reason for the last decision (acceptance, rejection, merge).</summary>
    public string? EditorReason { get; set; }
    public Guid? MergedInto { get; set; }
    public List<Guid> MergedDuplicates { get; set; } = [];
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>The reason code of the last decision (<see cref="Moderation.ModerationReasons"/>); null while open or when recorded before codes.</summary>
    public string? ReasonCode { get; set; }
    /// <summary>Null, or the state of the proposer's objection to a rejection (<see cref="Moderation.Appeals"/>).</summary>
    public string? Appeal { get; set; }
    public string? AppealMotivation { get; set; }
    public DateTimeOffset? AppealedAt { get; set; }
    /// <summary>The words of the editor who decided on the objection, for the proposer.</summary>
    public string? AppealExplanation { get; set; }
    public DateTimeOffset? AppealDecidedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>One turn of the conversation between editors ("redactie") and the proposer ("bijdrager").</summary>
public sealed record ProposalNote(DateTimeOffset At, string From, string Text)
{
    public const string Editors = "redactie";
    public const string Proposer = "bijdrager";
}
