using Wijkengids.Content.Contracts;
using Wijkengids.Contributions.Contracts;
using Wijkengids.Contributions.Proposals;
using Wolverine;

namespace Wijkengids.Contributions.Inbound;

/// <summary>
/// "Tell me what happened to my input": when an update is published, the proposer of every accepted proposal whose text
/// it lists hears that it was taken up in update N (by mail, or in their weekly overview). The moment is the update's, so a
/// redelivered message notifies nobody twice (Community keys its mails on it).
/// </summary>
public static class TellProposersTheirUpdateHandler
{
    public const string Status = "opgenomen-in-update";

    public static async Task<OutgoingMessages> Handle(EditionPublished edition, IQuerySession session, IGuideCatalog catalog,
        CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        var lessons = edition.Items.Select(i => i.ItemId).ToHashSet();
        var accepted = await session.Query<ProposalView>().Where(p => p.Status == ProposalStatus.Accepted)
            .Select(p => new { p.Id, p.AccountId }).ToListAsync(cancellationToken);
        if (accepted.Count == 0) return outgoing;
        var outcomes = await catalog.ProposalOutcomesAsync(accepted.Select(p => p.Id).ToList(), cancellationToken);
        var proposers = accepted.ToDictionary(p => p.Id, p => p.AccountId);
        foreach (var outcome in outcomes.Where(o => o.Edition == edition.Number && lessons.Contains(o.LessonId)))
        {
            outgoing.Add(new ContributionStatusChanged(outcome.ProposalId, "voorstel", proposers[outcome.ProposalId], Status,
                $"Uw voorstel voor \"{outcome.LessonTitle}\" staat in update {edition.Number} van de Wijkengids: {edition.Title}.",
                ProposalUrls.ForProposer(outcome.ProposalId), edition.PublishedAt, StatusText: $"opgenomen in update {edition.Number}"));
        }
        return outgoing;
    }
}
