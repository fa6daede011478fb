using JasperFx.Events;
using Marten.Events.Aggregation;
using Wijkengids.Contributions.Proposals;
using Wijkengids.Contributions.Reactions;

namespace Wijkengids.Contributions.Moderation;

/// <summary>
/// What the public moderation log knows of one reaction or proposal: what kind it is, which part of the guide it is about,
/// and every decision on it with outcome and reason code. Nothing about the person or their words (docs/adr/0097), so it
/// stays whole after an erasure. Built inline from the contribution's own events (<see cref="ModerationRecordProjection"/>).
/// </summary>
public sealed class ModerationRecord
{
    public Guid Id { get; set; }
    /// <summary>"reactie", or the kind of proposal in words ("wijziging van een les").</summary>
    public string Kind { get; set; } = "";
    /// <summary>The part of the guide it is about: "paragraaf 1.4", "les Bewoners aan zet", "de gids in het algemeen".</summary>
    public string Subject { get; set; } = "";
    /// <summary>The public page of that part of the guide, when there is one.</summary>
    public string? Url { get; set; }
    public List<LoggedDecision> Decisions { get; set; } = [];
    public DateTimeOffset? LastDecidedAt { get; set; }
}

/// <summary>One decision: when, which (<see cref="ModerationDecision.Code"/>) and for which reason code (null when recorded before codes).</summary>
public sealed record LoggedDecision(DateTimeOffset At, string Decision, string? ReasonCode);

internal sealed class ModerationRecordProjection : SingleStreamProjection<ModerationRecord, Guid>
{
    public override ValueTask<ModerationRecord?> EvolveAsync(ModerationRecord? record, Guid id, IQuerySession session, IEvent e,
        CancellationToken cancellation) => ValueTask.FromResult(Evolve(record, e));

    private static ModerationRecord? Evolve(ModerationRecord? record, IEvent e)
    {
        switch (e.Data)
        {
            case ReactionReceived received:
                return new ModerationRecord
                {
                    Id = received.ReactionId, Kind = "reactie", Subject = ReactionAbout.Describe(received.About),
                    Url = received.About == ReactionAbout.General ? null : ReactionAbout.Url(received.About),
                };
            case ProposalSubmitted submitted:
                return new ModerationRecord { Id = submitted.ProposalId, Kind = ProposalKinds.DutchName(submitted.Kind) }
                    .About(submitted.Kind, submitted.LessonSlug, submitted.LessonTitle, submitted.Sections);
        }
        if (record is null) return null;
        if (e.Data is ProposalDetailsRecorded { LessonTitle: { Length: > 0 } title } && record.Url?.StartsWith("/lessen/", StringComparison.Ordinal) == true)
        {
            // A proposal recorded by the upgrade with its lesson's title: the subject names it.
            record.Subject = $"les {title}";
            return record;
        }
        var at = e.Timestamp;
        var decision = e.Data switch
        {
            ReactionPublished d => (ModerationDecisions.ReactionPublished, d.ReasonCode ?? ModerationReasons.Relevant, at),
            ReactionUnpublished d => (ModerationDecisions.ReactionUnpublished, d.ReasonCode, at),
            ReactionAnswered d => (ModerationDecisions.ReactionAnswered, ModerationReasons.Answered, d.AnsweredAt ?? at),
            ReactionHandled d => (ModerationDecisions.ReactionHandled, d.ReasonCode ?? ModerationReasons.Answered, at),
            ReactionMarkedAsSpam => (ModerationDecisions.ReactionSpam, ModerationReasons.Spam, at),
            ReactionAppealDecided d => (Appeal(d.Granted), d.ReasonCode, d.At),
            ProposalInformationRequested d => (ModerationDecisions.ProposalInformationRequested, d.ReasonCode ?? ModerationReasons.Unfounded, d.At ?? at),
            ProposalAcceptedByEditor d => (ModerationDecisions.ProposalAccepted, d.ReasonCode ?? ModerationReasons.Included, d.At ?? at),
            ProposalRejected d => (ModerationDecisions.ProposalRejected, d.ReasonCode, d.At ?? at),
            ProposalMerged d => (ModerationDecisions.ProposalMerged, d.ReasonCode ?? ModerationReasons.Duplicate, d.At ?? at),
            ProposalAppealDecided d => (Appeal(d.Granted), d.ReasonCode, d.At),
            _ => ((ModerationDecision, string?, DateTimeOffset)?)null,
        };
        if (decision is var (kind, code, when))
        {
            record.Decisions.Add(new LoggedDecision(when, kind.Code, code));
            record.LastDecidedAt = when;
        }
        return record;
    }

    private static ModerationDecision Appeal(bool granted) => granted ? ModerationDecisions.AppealGranted : ModerationDecisions.AppealDismissed;
}

internal static class ModerationRecordSubject
{
    /// <summary>A proposal is about its lesson, or, for a new lesson, about the section it would go in.</summary>
    public static ModerationRecord About(this ModerationRecord record, string kind, string? slug, string? title, IReadOnlyList<string> sections)
    {
        if (kind != ProposalKinds.NewLesson && slug is not null)
        {
            (record.Subject, record.Url) = ($"les {title ?? slug}", $"/lessen/{slug}");
        }
        else if (sections.Count > 0)
        {
            (record.Subject, record.Url) = ($"paragraaf {sections[0]}", $"/gids/{sections[0]}");
        }
        else
        {
            record.Subject = "de gids in het algemeen";
        }
        return record;
    }
}
