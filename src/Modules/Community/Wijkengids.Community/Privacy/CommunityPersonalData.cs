using System.Globalization;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Contracts;
using Wijkengids.Community.Mail;
using Wijkengids.Community.Subscriptions;

namespace Wijkengids.Community.Privacy;

/// <summary>What Community holds about a person: the account, update subscriptions of the same address, and mails sent to them.</summary>
internal sealed class CommunityPersonalData(IQuerySession session) : IPersonalDataSource
{
    public async Task<PersonalDataSection> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var items = new List<PersonalDataItem>();
        if (await session.LoadAsync<AccountView>(subject.SubjectId, cancellationToken) is { Erased: false } account)
        {
            items.Add(new PersonalDataItem("account", new Dictionary<string, string?>
            {
                ["id"] = account.Id.ToString(), ["naam"] = account.DisplayName, ["e-mail"] = account.Email,
                ["rollen"] = string.Join(", ", account.Roles), ["actief"] = account.Active ? "ja" : "nee", ["aangemaakt"] = Iso(account.OpenedAt),
            }));
        }
        var subscriptions = await session.Query<SubscriptionView>().Where(s => s.Email == subject.Email).ToListAsync(cancellationToken);
        items.AddRange(subscriptions.Select(s => new PersonalDataItem("aanmelding voor updates", new Dictionary<string, string?>
        {
            ["e-mail"] = s.Email, ["status"] = s.Status.Dutch(), ["thema's"] = string.Join(", ", s.Themes),
            ["hoofdstukken"] = string.Join(", ", s.Chapters), ["alleen grote wijzigingen"] = s.MajorOnly ? "ja" : "nee",
            ["hoe vaak"] = s.Frequency.Dutch(), ["aangevraagd"] = Iso(s.RequestedAt),
            ["bevestigd"] = s.ConfirmedAt is { } confirmed ? Iso(confirmed) : null,
        })));
        var deliveries = await session.Query<MailDelivery>().Where(d => d.To == subject.Email).ToListAsync(cancellationToken);
        items.AddRange(deliveries.OrderBy(d => d.CreatedAt).Select(d => new PersonalDataItem("verzonden mail", new Dictionary<string, string?>
        {
            ["onderwerp"] = d.Subject, ["aan"] = d.To, ["status"] = d.Status.Dutch(), ["aangemaakt"] = Iso(d.CreatedAt),
            ["verzonden"] = d.SentAt is { } sent ? Iso(sent) : null,
        })));
        return new PersonalDataSection("community", "Account, aanmeldingen voor updates en mails", items);
    }

    private static string Iso(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);
}
