using Marten;
using Microsoft.Extensions.Options;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Mail;
using Wijkengids.Contributions.Contracts;
using Wolverine;

namespace Wijkengids.Community.Notifications;

/// <summary>
/// A contributor hears by mail when the status of their reaction or proposal changes. One delivery per
/// (contribution, status, moment), so a redelivered message sends nothing new; erased, deactivated or unconfirmed
/// accounts get nothing.
/// </summary>
public static class ContributionStatusChangedHandler
{
    public static async Task<OutgoingMessages> Handle(ContributionStatusChanged change, IDocumentSession session, IOptions<MailOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        if (change.ContributorAccountId is not { } accountId) return outgoing;
        var account = await session.LoadAsync<AccountView>(accountId, cancellationToken);
        if (account is not { Active: true, Erased: false, PendingConfirmation: false }) return outgoing;

        var kind = change.Kind switch { "reaction" or "reactie" => "reactie", "proposal" or "voorstel" => "voorstel", _ => change.Kind };
        var url = change.Url.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? change.Url : options.Value.BaseUrl + "/" + change.Url.TrimStart('/');
        var delivery = new MailDelivery
        {
            Id = $"bijdrage/{change.ContributionId:N}/{change.Status}/{change.ChangedAt.ToUnixTimeMilliseconds()}",
            Mailing = "meldingen-bijdragen",
            Recipient = account.Id,
            To = account.Email,
            Subject = $"Uw {kind} bij de Wijkengids: {change.Status}",
            Text = $"""
                    Beste {account.DisplayName},

                    De status van uw {kind} is nu: {change.Status}.{(string.IsNullOrWhiteSpace(change.Message) ? "" : "\n\nToelichting van de redactie:\n" + change.Message)}

                    Bekijk het hier: {url}

                    U ontvangt deze mail omdat u een bijdrage stuurde aan de Wijkengids.

                    Met vriendelijke groet,
                    De redactie van de Wijkengids
                    """,
        };
        outgoing.AddRange(await MailQueue.EnqueueAsync(session, [delivery], clock, cancellationToken));
        return outgoing;
    }
}
