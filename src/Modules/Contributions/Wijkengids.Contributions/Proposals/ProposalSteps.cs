using JasperFx.Events;
using Wijkengids.Contributions.Contracts;
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

    /// <summary>Appends <paramref name="change"/>, publishes <paramref name="alsoPublish"/> and the proposer's status message; returns the receipt.</summary>
    public async Task<ProposalReceipt> RecordAsync(IEventStream<Proposal> stream, object change, ProposalStatus status, string? message,
        object? alsoPublish = null)
    {
        stream.AppendOne(change);
        var version = stream.CurrentVersion ?? 0;
        var proposal = stream.Aggregate!;
        if (alsoPublish is not null) await outbox.PublishAsync(alsoPublish);
        await outbox.PublishAsync(new ContributionStatusChanged(proposal.Id, "voorstel", proposal.AccountId, status.Wire(), message,
            ProposalUrls.ForProposer(proposal.Id), Now));
        return new ProposalReceipt(proposal.Id, status, version);
    }

    public async Task<ProposalView> ViewAsync(Guid id, CancellationToken cancellationToken) =>
        await session.LoadAsync<ProposalView>(id, cancellationToken) ?? throw new NotFoundException(NotFound);
}
