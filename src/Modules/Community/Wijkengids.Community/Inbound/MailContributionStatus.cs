using Microsoft.Extensions.Options;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Mail;
using Wijkengids.Contributions.Contracts;
using Wolverine;

namespace Wijkengids.Community.Inbound;

/// <summary>
/// A contributor hears by mail when the status of their reaction or proposal changes. One delivery per
/// (contribution, status, moment), so a redelivered message sends nothing new; erased, deactivated or unconfirmed
/// accounts get nothing. A sender without an account who asked for an answer is mailed at the contact address given.
/// </summary>
public static class ContributionStatusChangedHandler
{
    public static async Task<OutgoingMessages> Handle(ContributionStatusChanged change, IDocumentSession session, IOptions<MailOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        (Guid Id, string Email, string? Name)? recipient = null;
        // Telling a sender that their text was filed as spam only helps spammers.
        if (change.Status == ReactionStatus.Spam.Wire()) return outgoing;
        if (change.ContributorAccountId is { } accountId)
        {
            if (await session.LoadAsync<AccountView>(accountId, cancellationToken) is { Active: true, Erased: false, PendingConfirmation: false } account)
            {
                recipient = (account.Id, account.Email, account.DisplayName);
            }
        }
        else if (!string.IsNullOrWhiteSpace(change.ContactEmail))
        {
            recipient = (change.ContributionId, change.ContactEmail.Trim(), change.ContactName);
        }
        if (recipient is not { } to) return outgoing;

        var kind = change.Kind switch { "reaction" or "reactie" => "reactie", "proposal" or "voorstel" => "voorstel", _ => change.Kind };
        // Dutch words, never a code such as "meer-informatie": the sender's own words, or the status's Dutch name (older messages).
        var status = change.StatusText ?? StatusText(kind, change.Status);
        var url = change.Url.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? change.Url : options.Value.BaseUrl + "/" + change.Url.TrimStart('/');
        var delivery = new MailDelivery
        {
            Id = $"bijdrage/{change.ContributionId:N}/{change.Status}/{change.ChangedAt.ToUnixTimeMilliseconds()}",
            Mailing = "meldingen-bijdragen",
            Recipient = to.Id,
            To = to.Email,
            Subject = $"Uw {kind} bij de Wijkengids: {status}",
            Text = $"""
                    Beste {(string.IsNullOrWhiteSpace(to.Name) ? "lezer" : to.Name)},

                    De status van uw {kind} is nu: {status}.{(string.IsNullOrWhiteSpace(change.Message) ? "" : "\n\nToelichting van de redactie:\n" + change.Message)}

                    Bekijk het hier: {url}

                    U ontvangt deze mail omdat u een bijdrage stuurde aan de Wijkengids.

                    Met vriendelijke groet,
                    De redactie van de Wijkengids
                    """,
        };
        outgoing.AddRange(await MailQueue.EnqueueAsync(session, [delivery], clock, cancellationToken));
        return outgoing;
    }

    /// <summary>The Dutch name of the status (the message carries its stable string); the string itself when it is not known here.</summary>
    private static string StatusText(string kind, string status) => kind switch
    {
        "reactie" when StableEnums.TryParse<ReactionStatus>(status, out var reaction) => reaction.Dutch(),
        "voorstel" when StableEnums.TryParse<ProposalStatus>(status, out var proposal) => proposal.Dutch(),
        _ => status,
    };
}
