using Wijkengids.Content.Contracts;
using Wijkengids.Contributions.Contracts;

namespace Wijkengids.Contributions.Proposals;

/// <summary>
/// A proposal as shown in lists and on its own page. <see cref="Outdated"/>: the lesson has a newer published revision
/// (<see cref="CurrentRevision"/>) than the one the proposal started from. <see cref="Outcome"/>: which lesson and revision
/// it became in the guide, and whether and in which edition that was published. The diffs are only filled for one proposal:
/// <see cref="Changes"/> (proposal against its base) and, when outdated, <see cref="SinceBase"/> (base against the current text).
/// </summary>
public sealed record ProposalDetails(
    Guid Id, string Kind, string KindText, ProposalStatus Status, string StatusText, string Subject, string? LessonSlug, string? LessonTitle,
    IReadOnlyList<string> Sections, IReadOnlyList<string> Themes, DateTimeOffset SubmittedAt, DateTimeOffset ChangedAt,
    int BaseRevision, int? CurrentRevision, bool Outdated, string? Title, string? Statement, string? Body, ProposedSource? Source,
    string Motivation, string ProposerName, IReadOnlyList<ProposalNote> Conversation, string? EditorReason, Guid? MergedInto,
    IReadOnlyList<Guid> MergedDuplicates, ProposalOutcome? Outcome, IReadOnlyList<FieldDiff>? Changes, IReadOnlyList<FieldDiff>? SinceBase,
    long Version, string? ReasonCode = null, string? ReasonText = null, string? Appeal = null, string? AppealMotivation = null,
    string? AppealExplanation = null)
{
    /// <summary>A rejection the proposer has not objected to yet: they may, once.</summary>
    public bool CanObject => Status == ProposalStatus.Rejected && Appeal is null;

    /// <summary>The latest question of the editors, while it waits for an answer.</summary>
    public string? OpenQuestion => Status == ProposalStatus.InformationRequested
        ? Conversation.LastOrDefault(n => n.From == ProposalNote.Editors)?.Text : null;
}

/// <summary>How a proposal is shown: with what the guide says now about its lesson and its outcome.</summary>
internal sealed class ProposalDetailsReader(IGuideCatalog catalog)
{
    /// <summary>Adds what the guide says now: the lessons' current revisions (outdated?) and the accepted proposals' outcomes.</summary>
    public async Task<IReadOnlyList<ProposalDetails>> WithGuideAsync(IReadOnlyList<ProposalView> proposals, CancellationToken cancellationToken)
    {
        if (proposals.Count == 0) return [];
        var revisions = (await catalog.PublishedLessonsAsync(cancellationToken)).ToDictionary(l => l.Id, l => l.Revision);
        var accepted = proposals.Where(p => p.Status == ProposalStatus.Accepted).Select(p => p.Id).ToList();
        var outcomes = (await catalog.ProposalOutcomesAsync(accepted, cancellationToken)).ToDictionary(o => o.ProposalId);
        return proposals.Select(p => ToDetails(p, p.LessonId is { } id && revisions.TryGetValue(id, out var r) ? r : null,
            outcomes.GetValueOrDefault(p.Id))).ToList();
    }

    /// <summary>
    /// The status in words, with what became of an accepted proposal: "opgenomen in update 7" once an update lists the
    /// revision it became, "opgenomen in de gids" once that revision is published, else "geaccepteerd".
    /// </summary>
    public static string StatusText(ProposalStatus status, ProposalOutcome? outcome) => (status, outcome) switch
    {
        (ProposalStatus.Accepted, { Edition: { } edition }) => $"opgenomen in update {edition}",
        (ProposalStatus.Accepted, { Published: true }) => "opgenomen in de gids",
        _ => status.Dutch(),
    };

    public static ProposalDetails ToDetails(ProposalView p, int? currentRevision, ProposalOutcome? outcome)
    {
        var subject = p.Kind == ProposalKinds.NewLesson ? p.Title ?? "" : p.LessonTitle ?? p.LessonSlug ?? "";
        // Only an open proposal can be outdated: once decided, a newer text is the guide moving on (often with this proposal in it).
        var outdated = p.Status.IsOpen() && p.Kind != ProposalKinds.NewLesson && currentRevision > p.BaseRevision;
        return new ProposalDetails(p.Id, p.Kind, ProposalKinds.DutchName(p.Kind), p.Status, StatusText(p.Status, outcome), subject,
            p.LessonSlug, p.LessonTitle, p.Sections, p.Themes, p.SubmittedAt, p.ChangedAt, p.BaseRevision, currentRevision, outdated,
            p.Title, p.Statement, p.Body, p.Source, p.Motivation, p.ProposerName, p.Conversation, p.EditorReason, p.MergedInto,
            p.MergedDuplicates, outcome, null, null, p.Version, p.ReasonCode,
            p.ReasonCode is null ? null : Moderation.ModerationReasons.DutchName(p.ReasonCode), p.Appeal, p.AppealMotivation, p.AppealExplanation);
    }
}
