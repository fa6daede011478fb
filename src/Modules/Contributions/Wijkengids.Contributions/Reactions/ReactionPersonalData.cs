using System.Globalization;
using Wijkengids.Community.Contracts;
using Wijkengids.Contributions.Contracts;
using Wijkengids.Contributions.Proposals;

namespace Wijkengids.Contributions.Reactions;

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
                ["naam tonen"] = r.ShowName ? "ja" : "nee", ["status"] = r.Status.Dutch(), ["antwoord"] = r.Answer,
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
