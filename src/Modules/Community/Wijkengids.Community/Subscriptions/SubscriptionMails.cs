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
            ItemLine(i.Change == "major", i.Title, i.Note, i.Url)));
        return Delivery(subscription, $"editie-{edition.Number}/{subscription.Id:N}", $"editie-{edition.Number}",
            $"Update {edition.Number} van de Wijkengids: {edition.Title}",
            $"""
            Beste lezer,

            Er is een nieuwe update van de Wijkengids: {edition.Title} (update {edition.Number}).

            Wat is er veranderd:

            {notes}
            """);
    }

    /// <summary>
    /// The weekly overview for one subscriber of it (docs/adr/0101): the updates of the week with the items of their choices,
    /// and what happened to their own contributions; null when the week holds nothing for them.
    /// </summary>
    internal MailDelivery? WeeklyDigest(DigestWeek week, SubscriptionView subscription, IReadOnlyList<DigestContributionNews> contributions)
    {
        var choices = SubscriptionChoices.Of(subscription);
        var updates = week.Editions.OrderBy(e => e.Number)
            .Select(e => (Edition: e, Items: e.Items.Where(i => choices.Interests(i.Major, i.Themes, i.Chapters)).ToList()))
            .Where(u => u.Items.Count > 0).ToList();
        if (updates.Count == 0 && contributions.Count == 0) return null;

        var parts = new List<string>();
        if (updates.Count > 0)
        {
            parts.Add("Wat er in de gids veranderde:\n\n" + string.Join("\n\n", updates.Select(u =>
                $"Update {u.Edition.Number} van {DutchTime.FormatDate(u.Edition.PublishedAt)}: {u.Edition.Title}\n" +
                string.Join("\n", u.Items.Select(i => ItemLine(i.Major, i.Title, i.Note, i.Url))))));
        }
        if (contributions.Count > 0)
        {
            parts.Add("Wat er met uw bijdragen gebeurde:\n\n" + string.Join("\n\n", contributions.Select(c =>
                $"- Uw {c.Note.Kind}, {DutchTime.Format(c.Note.ChangedAt)}: {c.Note.StatusText}" +
                (string.IsNullOrWhiteSpace(c.Message) ? "" : "\n  " + c.Message.Replace("\n", "\n  ")) +
                $"\n  {Absolute(c.Note.Url)}")));
        }
        var period = DigestWeeks.Describe(week.Week);
        return Delivery(subscription, $"weekoverzicht-{week.Week}/{subscription.Id:N}", $"weekoverzicht-{week.Week}",
            $"Weekoverzicht van de Wijkengids, {period}",
            $"""
            Beste lezer,

            Dit is uw weekoverzicht van de Wijkengids over {period}.

            {string.Join("\n\n", parts)}

            U ontvangt dit overzicht omdat u zich aanmeldde voor updates: {choices.Describe()}.
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

    /// <summary>One changed item as both the update mail and the weekly overview list it.</summary>
    private string ItemLine(bool major, string title, string note, string url) =>
        $"- {(major ? "Belangrijke wijziging" : "Kleine wijziging")}: {title}\n  {note}\n  {Absolute(url)}";

    private string Absolute(string url) => url.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? url : BaseUrl + "/" + url.TrimStart('/');
}
