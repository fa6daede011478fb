using System.Globalization;
using Marten;
using Wijkengids.Community.Contracts;
using Wijkengids.Contributions.Reactions;
using Wijkengids.SharedKernel;

namespace Wijkengids.Contributions.Proposals;

/// <summary>
/// AVG erasure: the person's proposals lose their name, motivation and answers in the read model; the account's key is
/// deleted, so the sealed values in the events can no longer be read. The proposed text stays: it may be in the guide.
/// </summary>
public static class ProposalErasureHandler
{
    public static async Task Handle(ErasureRequested message, IDocumentSession session, IPersonalDataVault vault, CancellationToken cancellationToken)
    {
        var proposals = await session.Query<ProposalView>().Where(p => p.AccountId == message.SubjectId).ToListAsync(cancellationToken);
        if (proposals.Count == 0) return;
        await vault.EraseAsync(message.SubjectId, message.RequestedBy, cancellationToken);
        foreach (var proposal in proposals)
        {
            proposal.ProposerName = Erased.Text;
            proposal.Motivation = Erased.Text;
            proposal.Conversation = proposal.Conversation
                .Select(n => n.From == ProposalNote.Proposer ? n with { Text = Erased.Text } : n).ToList();
            session.Store(proposal);
        }
    }
}

/// <summary>AVG access: the proposals a person sent (part of the module's one section, next to the reactions).</summary>
internal static class ProposalPersonalData
{
    public static async Task<IReadOnlyList<PersonalDataItem>> ItemsAsync(IQuerySession session, Guid subjectId, CancellationToken cancellationToken)
    {
        var proposals = await session.Query<ProposalView>().Where(p => p.AccountId == subjectId).OrderBy(p => p.SubmittedAt)
            .ToListAsync(cancellationToken);
        return proposals.Select(p => new PersonalDataItem("voorstel", new Dictionary<string, string?>
        {
            ["ingediend"] = p.SubmittedAt.ToString("O", CultureInfo.InvariantCulture), ["soort"] = ProposalKinds.DutchName(p.Kind),
            ["les"] = p.LessonTitle, ["naam"] = p.ProposerName, ["titel"] = p.Title, ["tekst"] = p.Body,
            ["bron"] = p.Source?.Title, ["toelichting"] = p.Motivation, ["status"] = ProposalStatuses.DutchName(p.Status),
            ["reden van de redactie"] = p.EditorReason,
            ["gesprek"] = string.Join("\n", p.Conversation.Select(n => $"{n.From}: {n.Text}")),
        })).ToList();
    }
}
