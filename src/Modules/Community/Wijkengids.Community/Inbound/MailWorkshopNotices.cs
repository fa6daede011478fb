using System.Globalization;
using Microsoft.Extensions.Options;
using Wijkengids.Community.Mail;
using Wijkengids.Workshops.Contracts;
using Wolverine;

namespace Wijkengids.Community.Inbound;

/// <summary>
/// The contact of an area hears by mail about every step of their werkatelier booking. One delivery per
/// (booking, kind of message, moment of the message), so a redelivered message sends nothing new. A contact whose
/// details were erased (empty address) gets nothing.
/// </summary>
public static class WorkshopMailHandler
{
    private const string Mailing = "meldingen-werkateliers";

    public static Task<OutgoingMessages> Handle(BookingConfirmed m, IDocumentSession session, IOptions<MailOptions> options, TimeProvider clock,
        CancellationToken ct) =>
        MailAsync(session, options, clock, ct, new Notice(m.BookingId, "bevestigd", m.At, m.ContactName, m.ContactEmail, m.StatusUrl,
            $"Werkatelier bevestigd: {m.FormatTitle}",
            $"Uw aanvraag voor het werkatelier {m.FormatTitle} is bevestigd.\n\nWanneer: {DutchTime.Format(m.StartsAt)}{Where(m.Place)}"));

    public static Task<OutgoingMessages> Handle(BookingWaitlisted m, IDocumentSession session, IOptions<MailOptions> options, TimeProvider clock,
        CancellationToken ct) =>
        MailAsync(session, options, clock, ct, new Notice(m.BookingId, "wachtlijst", m.At, m.ContactName, m.ContactEmail, m.StatusUrl,
            $"Op de wachtlijst: {m.FormatTitle}",
            $"De sessie van het werkatelier {m.FormatTitle} op {DutchTime.Format(m.StartsAt)} is vol. Uw aanvraag staat op plaats {m.Position} "
            + "van de wachtlijst. Komt er een plaats vrij, dan schuift u vanzelf door en krijgt u bericht."));

    public static Task<OutgoingMessages> Handle(BookingPromoted m, IDocumentSession session, IOptions<MailOptions> options, TimeProvider clock,
        CancellationToken ct) =>
        MailAsync(session, options, clock, ct, new Notice(m.BookingId, "doorgeschoven", m.At, m.ContactName, m.ContactEmail, m.StatusUrl,
            $"Er is plaats: werkatelier {m.FormatTitle} bevestigd",
            $"Er is een plaats vrijgekomen. Uw aanvraag voor het werkatelier {m.FormatTitle} is nu bevestigd.\n\n"
            + $"Wanneer: {DutchTime.Format(m.StartsAt)}{Where(m.Place)}"));

    public static Task<OutgoingMessages> Handle(BookingCancelled m, IDocumentSession session, IOptions<MailOptions> options, TimeProvider clock,
        CancellationToken ct) =>
        MailAsync(session, options, clock, ct, new Notice(m.BookingId, "geannuleerd", m.At, m.ContactName, m.ContactEmail, m.StatusUrl,
            $"Werkatelier geannuleerd: {m.FormatTitle}",
            $"Uw boeking voor het werkatelier {m.FormatTitle} is geannuleerd.\n\nReden: {m.Reason}"));

    public static async Task<OutgoingMessages> Handle(SessionMoved m, IDocumentSession session, IOptions<MailOptions> options, TimeProvider clock,
        CancellationToken ct)
    {
        var outgoing = new OutgoingMessages();
        foreach (var attendee in m.Attendees)
        {
            outgoing.AddRange(await MailAsync(session, options, clock, ct, new Notice(attendee.BookingId, "verplaatst", m.At, attendee.ContactName,
                attendee.ContactEmail, attendee.StatusUrl, $"Werkatelier verplaatst: {m.FormatTitle}",
                $"De sessie van het werkatelier {m.FormatTitle} is verplaatst.\n\nWas: {DutchTime.Format(m.From)}\nWordt: {DutchTime.Format(m.To)}{Where(m.Place)}")));
        }
        return outgoing;
    }

    public static Task<OutgoingMessages> Handle(CoFinancingDecided m, IDocumentSession session, IOptions<MailOptions> options, TimeProvider clock,
        CancellationToken ct) =>
        MailAsync(session, options, clock, ct, new Notice(m.BookingId, "cofinanciering", m.At, m.ContactName, m.ContactEmail, m.StatusUrl,
            m.Granted ? "Cofinanciering toegekend" : "Cofinanciering afgewezen",
            m.Granted
                ? $"Het Ministerie van BZK kent voor uw werkatelier {Euro(m.Amount ?? 0)} cofinanciering toe (gevraagd: {Euro(m.Requested)})."
                : $"Het Ministerie van BZK kent de gevraagde cofinanciering van {Euro(m.Requested)} niet toe.\n\nReden: {m.Reason}"));

    public static Task<OutgoingMessages> Handle(ActionPlanRecorded m, IDocumentSession session, IOptions<MailOptions> options, TimeProvider clock,
        CancellationToken ct) =>
        MailAsync(session, options, clock, ct, new Notice(m.BookingId, "plan-van-aanpak", m.At, m.ContactName, m.ContactEmail, m.PlanUrl,
            $"Plan van aanpak vastgelegd: {m.FormatTitle}",
            $"Het plan van aanpak voor {m.AreaName} na het werkatelier {m.FormatTitle} is vastgelegd. Via de link hieronder leest u het, "
            + $"houdt u de stand van de acties bij en kiest u of het op de openbare pagina van {m.AreaName} komt."));

    private sealed record Notice(Guid BookingId, string Kind, DateTimeOffset At, string Name, string Email, string StatusUrl, string Subject, string Body);

    private static string Where(string? place) => string.IsNullOrWhiteSpace(place) ? "" : $"\nWaar: {place}";

    private static string Euro(decimal amount) => amount.ToString("C", DutchTime.Culture);

    private static async Task<OutgoingMessages> MailAsync(IDocumentSession session, IOptions<MailOptions> options, TimeProvider clock,
        CancellationToken cancellationToken, Notice notice)
    {
        var outgoing = new OutgoingMessages();
        if (string.IsNullOrWhiteSpace(notice.Email)) return outgoing;
        var url = notice.StatusUrl.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            ? notice.StatusUrl
            : options.Value.BaseUrl + "/" + notice.StatusUrl.TrimStart('/');
        var delivery = new MailDelivery
        {
            Id = $"werkatelier/{notice.BookingId:N}/{notice.Kind}/{notice.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}",
            Mailing = Mailing,
            Recipient = notice.BookingId,
            To = notice.Email.Trim(),
            Subject = notice.Subject,
            Text = $"""
                    Beste {(string.IsNullOrWhiteSpace(notice.Name) ? "aanvrager" : notice.Name)},

                    {notice.Body}

                    De stand van uw aanvraag volgt u hier: {url}

                    U ontvangt deze mail omdat u een werkatelier aanvroeg bij de Wijkengids.

                    Met vriendelijke groet,
                    Het team werkateliers van de Wijkengids
                    """,
        };
        outgoing.AddRange(await MailQueue.EnqueueAsync(session, [delivery], clock, cancellationToken));
        return outgoing;
    }
}
