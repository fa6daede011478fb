using JasperFx.Events;
using Marten.Events.Aggregation;
using Wijkengids.Contributions.Moderation;
using Wijkengids.Platform.PersonalData;

namespace Wijkengids.Contributions.Reactions;

/// <summary>
/// Builds <see cref="ReactionView"/> from a reaction's events, inline with every change. The sender's name, address,
/// organisation and message are revealed from the sealed values with the vault's keys; once the sender is erased they
/// cannot be, and the view shows "[gewist]".
/// </summary>
internal sealed class ReactionViewProjection(MasterKey masterKey) : SingleStreamProjection<ReactionView, Guid>
{
    private const string Erased = Contributions.Erased.Text;

    public override async ValueTask<ReactionView?> EvolveAsync(ReactionView? view, Guid id, IQuerySession session, IEvent e,
        CancellationToken cancellation)
    {
        if (e.Data is ReactionReceived received)
        {
            view = await ReceivedAsync(received, e.Timestamp, session, cancellation);
        }
        else if (view is not null && e.Data is ReactionAppealed appealed)
        {
            (view.Appeal, view.AppealedAt) = (Appeals.Open, appealed.At);
            view.AppealMotivation = await PersonalDataVault.RevealInProjectionAsync(session, masterKey, appealed.Motivation, cancellation) ?? Erased;
        }
        else if (view is not null)
        {
            Change(view, e);
        }
        if (view is not null) view.Version = e.Version;
        return view;
    }

    private async Task<ReactionView> ReceivedAsync(ReactionReceived e, DateTimeOffset stored, IQuerySession session, CancellationToken cancellation)
    {
        async Task<string?> Reveal(Sealed? value) => await PersonalDataVault.RevealInProjectionAsync(session, masterKey, value, cancellation);
        var name = await Reveal(e.Name);
        var message = await Reveal(e.Message);
        var erased = name is null || message is null;
        return new ReactionView
        {
            Id = e.ReactionId,
            About = e.About,
            Subject = e.Subject,
            AccountId = e.AccountId,
            Name = name ?? Erased,
            Email = (await Reveal(e.Email))?.Trim().ToLowerInvariant() ?? "",
            Organisation = erased ? null : await Reveal(e.Organisation),
            Message = message ?? Erased,
            Fingerprint = erased ? "" : SendReactionHandler.Fingerprint(message!),
            ShowName = !erased && e.ShowName,
            ReceivedAt = e.ReceivedAt ?? stored,
        };
    }

    private static bool IsErased(ReactionView view) => view.Message == Erased && view.Email == "";

    private static void Change(ReactionView view, IEvent e)
    {
        switch (e.Data)
        {
            case ReactionPublished published:
                // An erased sender's reaction stays offline, also when it was erased before erasures were events.
                view.Published = !IsErased(view);
                (view.Removed, view.ReasonCode, view.DecisionNote) = (false, published.ReasonCode ?? ModerationReasons.Relevant, null);
                break;
            case ReactionUnpublished unpublished:
                view.Published = false;
                // Removals from before reason codes have none: the log says "niet vastgelegd".
                (view.Removed, view.ReasonCode, view.DecisionNote) = (true, unpublished.ReasonCode, unpublished.Note);
                break;
            case ReactionAppealDecided decided:
                view.Appeal = decided.Granted ? Appeals.Granted : Appeals.Dismissed;
                (view.AppealExplanation, view.AppealDecidedAt) = (decided.Explanation, decided.At);
                if (decided.Granted && view.Spam) (view.Spam, view.SpamReason, view.ReasonCode) = (false, null, null);
                else if (decided.Granted) (view.Published, view.Removed, view.ReasonCode, view.DecisionNote) = (!IsErased(view), false, null, null);
                break;
            case ReactionAnswered answered:
                view.Answer = answered.Answer;
                view.AnswerPublic = answered.Public;
                view.AnsweredAt = answered.AnsweredAt ?? e.Timestamp;
                break;
            case ReactionHandled handled:
                view.Handled = true;
                view.ReasonCode = handled.ReasonCode ?? ModerationReasons.Answered;
                break;
            case ReactionMarkedAsSpam spam:
                view.Spam = true;
                view.Published = false;
                view.ReasonCode = ModerationReasons.Spam;
                // Before the reason was part of the event's data it was recorded as the event's "reason" header.
                view.SpamReason = spam.Reason ?? (e.Headers?.TryGetValue(MetadataHeaders.Reason, out var header) == true ? header?.ToString() : null);
                break;
            case ReactionErased:
                view.Name = Erased;
                view.Email = "";
                view.Organisation = null;
                view.Message = Erased;
                view.Fingerprint = "";
                view.ShowName = false;
                view.Published = false;
                if (view.AppealMotivation is not null) view.AppealMotivation = Erased;
                break;
        }
    }
}
