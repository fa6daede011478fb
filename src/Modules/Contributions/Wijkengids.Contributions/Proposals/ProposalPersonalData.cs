using System.Globalization;
using Wijkengids.Community.Contracts;
using Wijkengids.Contributions.Reactions;

namespace Wijkengids.Contributions.Proposals;

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
            ["bron"] = p.Source?.Title, ["toelichting"] = p.Motivation, ["status"] = p.Status.Dutch(),
            ["reden van de redactie"] = p.EditorReason,
            ["gesprek"] = string.Join("\n", p.Conversation.Select(n => $"{n.From}: {n.Text}")),
        })).ToList();
    }
}
