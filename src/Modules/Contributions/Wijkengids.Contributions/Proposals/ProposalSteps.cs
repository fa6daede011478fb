using JasperFx.Events;
using Wijkengids.Contributions.Contracts;
using Wijkengids.Contributions.Moderation;
using Wolverine.Marten;

namespace Wijkengids.Contributions.Proposals;

/// <summary>
/// What every step on a proposal shares: loading its stream for a change (404 when it does not exist or, for the proposer,
/// is not theirs; 409 when the version is stale), and, with the step's event, telling the proposer what changed. The unit
/// of work saves the events and the messages together.
/// </summary>
internal sealed class ProposalSteps(IDocumentSession session, IMartenOutbox outbox, IRequestContext context, TimeProvider clock)
{
    public const string NotFound = "Dit voorstel bestaat niet.";

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IEventStream<Proposal>> FetchAsync(Guid id, long? expectedVersion, string? reason, CancellationToken cancellationToken,
        string? ownedBy = null)
    {
        session.Stamp(context, reason);
        return await session.FetchForChangeAsync<Proposal>(id, expectedVersion, NotFound,
            "Dit voorstel is intussen gewijzigd. Bekijk de huidige stand en probeer het opnieuw.", cancellationToken,
            visible: ownedBy is null ? null : p => p.AccountId.ToString() == ownedBy);
    }

    /// <summary>The acting editor, named on the decisions a proposer may object to.</summary>
    public string Editor => context.Actor;

    /// <summary>
    /// Appends an editor's <paramref name="decision"/> (<paramref name="change"/>, for <paramref name="reasonCode"/>, with the
    /// editor's <paramref name="words"/>), publishes <paramref name="alsoPublish"/> and tells the proposer; returns the receipt.
    /// </summary>
    /// <remarks>The receipt names the proposal's status after the decision, <paramref name="statusAfter"/>.</remarks>
    public Task<ProposalReceipt> DecideAsync(IEventStream<Proposal> stream, object change, ProposalStatus statusAfter, ModerationDecision decision,
        string? reasonCode, string? words, object? alsoPublish = null) =>
        RecordAsync(stream, change, statusAfter, decision.Code, decision.Outcome,
            ModerationNotice.Text(decision, reasonCode, words, canObject: decision == ModerationDecisions.ProposalRejected), alsoPublish);

    /// <summary>
    /// Appends <paramref name="change"/>, publishes <paramref name="alsoPublish"/> and the proposer's status message (the stable
    /// <paramref name="status"/> code and its Dutch <paramref name="statusText"/>); returns the receipt with <paramref name="statusAfter"/>.
    /// </summary>
    public async Task<ProposalReceipt> RecordAsync(IEventStream<Proposal> stream, object change, ProposalStatus statusAfter, string status,
        string statusText, string? message, object? alsoPublish = null)
    {
        stream.AppendOne(change);
        var version = stream.CurrentVersion ?? 0;
        var proposal = stream.Aggregate!;
        if (alsoPublish is not null) await outbox.PublishAsync(alsoPublish);
        await outbox.PublishAsync(new ContributionStatusChanged(proposal.Id, "voorstel", proposal.AccountId, status, message,
            ProposalUrls.ForProposer(proposal.Id), Now, StatusText: statusText));
        return new ProposalReceipt(proposal.Id, statusAfter, version);
    }

    public async Task<ProposalView> ViewAsync(Guid id, CancellationToken cancellationToken) =>
        await session.LoadAsync<ProposalView>(id, cancellationToken) ?? throw new NotFoundException(NotFound);
}
