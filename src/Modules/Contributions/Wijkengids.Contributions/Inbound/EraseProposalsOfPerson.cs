using Wijkengids.Community.Contracts;
using Wijkengids.Contributions.Proposals;

namespace Wijkengids.Contributions.Inbound;

/// <summary>
/// AVG erasure (from Community): the account's key is deleted, so the proposer's sealed name, motivation and answers can
/// no longer be read, and each of their proposals gets <see cref="ProposalErased"/>, which masks them in the read model.
/// The proposed text stays: it may be in the guide.
/// </summary>
public static class EraseProposalsOfPersonHandler
{
    public static async Task Handle(ErasureRequested message, IDocumentSession session, IPersonalDataVault vault, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var proposals = await session.Query<ProposalView>().Where(p => p.AccountId == message.SubjectId).Select(p => p.Id)
            .ToListAsync(cancellationToken);
        if (proposals.Count == 0) return;
        await vault.EraseAsync(message.SubjectId, message.RequestedBy, cancellationToken);
        foreach (var id in proposals)
        {
            var stream = await session.Events.FetchForWriting<Proposal>(id, cancellationToken);
            if (stream.Aggregate?.Erase(clock.GetUtcNow()) is { } erased) stream.AppendOne(erased);
        }
    }
}
