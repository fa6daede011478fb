using Microsoft.Extensions.Options;
using Wijkengids.Community.Mail;
using Wijkengids.Community.Shared;
using Wijkengids.Content.Contracts;

namespace Wijkengids.Community.Subscriptions;

/// <summary>The mails of the update subscription: confirmation and edition mails, each with a one-click unsubscribe (RFC 8058).</summary>
public sealed class SubscriptionMails(SignedTokens tokens, IOptions<MailOptions> options)
{
    public const string ConfirmPurpose = "subscription-confirm";
    public const string UnsubscribePurpose = "subscription-unsubscribe";
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromHours(48);

    private string BaseUrl => options.Value.BaseUrl;

    internal MailDelivery Confirmation(SubscriptionView subscription, SubscriptionChoices choices, bool alreadyConfirmed)
    {
        var token = tokens.Issue(ConfirmPurpose, $"{subscription.Id:N}|{choices.ToPayload()}", ConfirmLifetime);
        var link = $"{BaseUrl}/aanmelden/bevestigen?token={Uri.EscapeDataString(token)}";
        var choiceLine = choices.Describe();
        var intro = alreadyConfirmed
            ? $"Dit adres is al aangemeld voor updates van de Wijkengids. Wilt u voortaan updates ontvangen met deze keuzes: {choiceLine}? Bevestig dat dan met deze link:"
            : $"U hebt zich aangemeld voor updates van de Wijkengids ({choiceLine}). Bevestig uw aanmelding met deze link:";
        return Delivery(subscription, $"bevestiging/{subscription.Id:N}/{Guid.NewGuid():N}", "bevestiging",
            "Bevestig uw aanmelding voor updates van de Wijkengids",
            $"""
            Beste lezer,

            {intro}
            {link}

            De link is 48 uur geldig en werkt één keer. Hebt u dit niet aangevraagd? Dan hoeft u niets te doen: zonder bevestiging ontvangt u niets.
            """);
    }

    /// <summary>
    /// The edition mail for one subscriber of each update, with only the items of their choices (themes, chapters, major
    /// only); null when nothing interests them, and for a subscriber of the weekly overview.
    /// </summary>
    internal MailDelivery? Edition(EditionPublished edition, SubscriptionView subscription)
    {
        var choices = SubscriptionChoices.Of(subscription);
        if (choices.Frequency != SubscriptionFrequency.EachUpdate) return null;
        var items = edition.Items.Where(choices.Interests).ToList();
        if (items.Count == 0) return null;
        var notes = string.Join("\n\n", items.Select(i =>
            $"- {(i.Change == "major" ? "Belangrijke wijziging" : "Kleine wijziging")}: {i.Title}\n  {i.Note}\n  {Absolute(i.Url)}"));
        return Delivery(subscription, $"editie-{edition.Number}/{subscription.Id:N}", $"editie-{edition.Number}",
            $"Update {edition.Number} van de Wijkengids: {edition.Title}",
            $"""
            Beste lezer,

            Er is een nieuwe update van de Wijkengids: {edition.Title} (update {edition.Number}).

            Wat is er veranderd:

            {notes}
            """);
    }

    private MailDelivery Delivery(SubscriptionView subscription, string id, string mailing, string subject, string body)
    {
        var unsubscribe = tokens.Issue(UnsubscribePurpose, subscription.Id.ToString("N"), null);
        var escaped = Uri.EscapeDataString(unsubscribe);
        return new MailDelivery
        {
            Id = id, Mailing = mailing, Recipient = subscription.Id, To = subscription.Email, Subject = subject,
            Text = $"{body}\n\nAfmelden kan met één klik: {BaseUrl}/afmelden?token={escaped}\n\nMet vriendelijke groet,\nDe redactie van de Wijkengids",
            Headers = new()
            {
                ["List-Unsubscribe"] = $"<{BaseUrl}/api/community/subscriptions/unsubscribe?token={escaped}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
        };
    }

    private string Absolute(string url) => url.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? url : BaseUrl + "/" + url.TrimStart('/');
}
