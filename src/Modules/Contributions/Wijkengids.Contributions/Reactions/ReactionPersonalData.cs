using System.Globalization;
using Marten;
using Wijkengids.Community.Contracts;
using Wijkengids.Contributions.Contracts;
using Wijkengids.Contributions.Proposals;
using Wijkengids.SharedKernel;
using Wolverine;

namespace Wijkengids.Contributions.Reactions;

/// <summary>
/// AVG erasure: the person's reactions (sent while signed in, or earlier with the same e-mail address) lose their
/// sender, address and text in the read model and are taken offline; their keys are deleted, so the sealed values in
/// the events can no longer be read. The events themselves stay.
/// </summary>
public static class ReactionErasureHandler
{
    public const string Erased = "[gewist]";

    public static async Task<OutgoingMessages> Handle(ErasureRequested message, IDocumentSession session, IPersonalDataVault vault,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        foreach (var reaction in await ReactionPersonalData.OfAsync(session, message.SubjectId, message.Email, cancellationToken))
        {
            await vault.EraseAsync(reaction.Subject, message.RequestedBy, cancellationToken);
            reaction.Name = Erased;
            reaction.Email = "";
            reaction.Organisation = null;
            reaction.Message = Erased;
            reaction.Fingerprint = "";
            reaction.ShowName = false;
            // A published reaction leaves the guide's pages: their cache must forget it.
            if (reaction.Published) outgoing.Add(new PublishedReactionsChanged(reaction.About, clock.GetUtcNow()));
            reaction.Published = false;
            session.Store(reaction);
        }
        return outgoing;
    }
}

/// <summary>AVG access: the reactions and proposals a person sent, as the module's one section.</summary>
internal sealed class ReactionPersonalData(IQuerySession session) : IPersonalDataSource
{
    public async Task<PersonalDataSection> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var reactions = await OfAsync(session, subject.SubjectId, subject.Email, cancellationToken);
        var items = reactions.Select(r => new PersonalDataItem("reactie",
            new Dictionary<string, string?>
            {
                ["ontvangen"] = r.ReceivedAt.ToString("O", CultureInfo.InvariantCulture), ["over"] = ReactionAbout.Describe(r.About),
                ["naam"] = r.Name, ["e-mail"] = r.Email, ["organisatie"] = r.Organisation, ["bericht"] = r.Message,
                ["naam tonen"] = r.ShowName ? "ja" : "nee", ["status"] = r.Status, ["antwoord"] = r.Answer,
            })).ToList();
        items.AddRange(await ProposalPersonalData.ItemsAsync(session, subject.SubjectId, cancellationToken));
        return new PersonalDataSection("contributions", "Reacties en voorstellen die u stuurde", items);
    }

    internal static async Task<IReadOnlyList<ReactionView>> OfAsync(IQuerySession session, Guid subjectId, string? email, CancellationToken cancellationToken)
    {
        var normalized = email?.Trim().ToLowerInvariant() ?? "";
        return await session.Query<ReactionView>()
            .Where(r => r.AccountId == subjectId || r.Subject == subjectId || (normalized != "" && r.Email == normalized))
            .OrderBy(r => r.ReceivedAt)
            .ToListAsync(cancellationToken);
    }
}
