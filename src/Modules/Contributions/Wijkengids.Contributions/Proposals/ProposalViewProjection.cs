using JasperFx.Events;
using Marten.Events.Aggregation;
using Wijkengids.Contributions.Moderation;
using Wijkengids.Platform.PersonalData;

namespace Wijkengids.Contributions.Proposals;

/// <summary>
/// Builds <see cref="ProposalView"/> from a proposal's events, inline with every change. The proposer's name, motivation
/// and answers are revealed from the sealed values; once the proposer is erased they cannot be, and the view shows
/// "[gewist]". Moments come from the events' data, or from when the event was stored for events from before they did.
/// </summary>
internal sealed class ProposalViewProjection(MasterKey masterKey) : SingleStreamProjection<ProposalView, Guid>
{
    public override async ValueTask<ProposalView?> EvolveAsync(ProposalView? view, Guid id, IQuerySession session, IEvent e,
        CancellationToken cancellation)
    {
        async Task<string> Reveal(Sealed value) =>
            await PersonalDataVault.RevealInProjectionAsync(session, masterKey, value, cancellation) ?? Erased.Text;

        if (e.Data is ProposalSubmitted submitted)
        {
            view = New(submitted, e.Timestamp);
            if (submitted.SealedSource is { } sealedSource)
            {
                (view.Source, view.SourceSealed) = (await ProposedSources.RevealAsync(session, masterKey, sealedSource, cancellation), true);
            }
            view.ProposerName = await Reveal(submitted.ProposerName);
            view.Motivation = await Reveal(submitted.Motivation);
        }
        else if (view is null)
        {
            return null;
        }
        else if (e.Data is ProposalResubmitted resubmitted)
        {
            (view.Title, view.Statement, view.Body, view.Source) = (resubmitted.Title, resubmitted.Statement, resubmitted.Body, resubmitted.Source);
            if (resubmitted.SealedSource is { } sealedSource)
            {
                (view.Source, view.SourceSealed) = (await ProposedSources.RevealAsync(session, masterKey, sealedSource, cancellation), true);
            }
            view.Conversation.Add(new ProposalNote(resubmitted.At ?? e.Timestamp, ProposalNote.Proposer, await Reveal(resubmitted.Answer)));
            Changed(view, ProposalStatus.Submitted, resubmitted.At ?? e.Timestamp);
        }
        else if (e.Data is ProposalAppealed appealed)
        {
            (view.Appeal, view.AppealedAt) = (Appeals.Open, appealed.At);
            view.AppealMotivation = await Reveal(appealed.Motivation);
        }
        else
        {
            Change(view, e);
        }
        view.Version = e.Version;
        return view;
    }

    private static ProposalView New(ProposalSubmitted e, DateTimeOffset stored)
    {
        var at = e.SubmittedAt ?? stored;
        var view = new ProposalView
        {
            Id = e.ProposalId, Kind = e.Kind, AccountId = e.AccountId, SubmittedAt = at, ChangedAt = at, LessonId = e.LessonId,
            LessonSlug = e.LessonSlug, LessonTitle = e.LessonTitle, Sections = [.. e.Sections], Themes = [.. e.Themes],
            BaseRevision = e.BaseRevision, Title = e.Title, Statement = e.Statement, Body = e.Body, Source = e.Source,
        };
        if (e.Base is { } basis) WithBase(view, basis);
        return view;
    }

    private static void WithBase(ProposalView view, ProposalBase basis)
    {
        (view.BaseTitle, view.BaseStatement, view.BaseBody) = (basis.Title, basis.Statement, basis.Body);
        view.BaseSources = [.. basis.Sources];
    }

    private static void Change(ProposalView view, IEvent e)
    {
        switch (e.Data)
        {
            case ProposalDetailsRecorded recorded:
                view.LessonTitle = recorded.LessonTitle;
                view.SubmittedAt = recorded.SubmittedAt;
                WithBase(view, recorded.Base);
                break;
            case ProposalInformationRequested requested:
                view.Conversation.Add(new ProposalNote(requested.At ?? e.Timestamp, ProposalNote.Editors, requested.Question));
                Changed(view, ProposalStatus.InformationRequested, requested.At ?? e.Timestamp);
                view.ReasonCode = requested.ReasonCode ?? ModerationReasons.Unfounded;
                break;
            case ProposalAcceptedByEditor accepted:
                // Before the reason was part of the event's data it was recorded as the event's "reason" header.
                Decided(view, ProposalStatus.Accepted, accepted.Reason ?? Header(e), accepted.At ?? e.Timestamp,
                    accepted.ReasonCode ?? ModerationReasons.Included);
                break;
            case ProposalRejected rejected:
                // Rejections from before reason codes have none: the log says "niet vastgelegd".
                Decided(view, ProposalStatus.Rejected, rejected.Reason, rejected.At ?? e.Timestamp, rejected.ReasonCode);
                break;
            case ProposalMerged merged:
                view.MergedInto = merged.IntoProposalId;
                Decided(view, ProposalStatus.Merged, merged.Reason, merged.At ?? e.Timestamp, merged.ReasonCode ?? ModerationReasons.Duplicate);
                break;
            case ProposalAppealDecided decided:
                view.Appeal = decided.Granted ? Appeals.Granted : Appeals.Dismissed;
                (view.AppealExplanation, view.AppealDecidedAt) = (decided.Explanation, decided.At);
                if (decided.Granted)
                {
                    // The rejection is undone: open again, without the rejection's reason.
                    Changed(view, ProposalStatus.Submitted, decided.At);
                    (view.EditorReason, view.ReasonCode) = (null, null);
                }
                break;
            case DuplicateProposalMerged absorbed:
                view.MergedDuplicates.Add(absorbed.DuplicateProposalId);
                break;
            case ProposalErased:
                // A sealed source can no longer be revealed, as a rebuild would find (docs/adr/0103).
                if (view.SourceSealed) view.Source = null;
                view.ProposerName = Erased.Text;
                view.Motivation = Erased.Text;
                if (view.AppealMotivation is not null) view.AppealMotivation = Erased.Text;
                view.Conversation = view.Conversation
                    .Select(n => n.From == ProposalNote.Proposer ? n with { Text = Erased.Text } : n).ToList();
                break;
        }
    }

    private static void Changed(ProposalView view, ProposalStatus status, DateTimeOffset at)
    {
        view.Status = status;
        view.ReasonCode = null;
        view.ChangedAt = at;
        view.DecidedAt = null;
    }

    private static void Decided(ProposalView view, ProposalStatus status, string? reason, DateTimeOffset at, string? reasonCode)
    {
        view.Status = status;
        view.ReasonCode = reasonCode;
        view.ChangedAt = at;
        view.DecidedAt = at;
        view.EditorReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    private static string? Header(IEvent e) =>
        e.Headers?.TryGetValue(MetadataHeaders.Reason, out var reason) == true ? reason?.ToString() : null;
}
