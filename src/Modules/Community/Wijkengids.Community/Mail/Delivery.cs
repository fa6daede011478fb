using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using JasperFx;
using Marten;
using Microsoft.Extensions.Logging;
using Wijkengids.SharedKernel;
using Wolverine;

namespace Wijkengids.Community.Mail;

/// <summary>
/// One mail to one person, stored before it is sent and sent by <see cref="DeliverMailHandler"/>. Its id is derived from
/// what it is for ("editie-3/&lt;subscription&gt;"), so the same mail is never queued twice; each attempt is recorded before
/// the mail server is contacted, so a delivery is sent at most once, however often its message arrives (docs/adr/0082).
/// </summary>
public sealed class MailDelivery
{
    public string Id { get; set; } = "";
    /// <summary>What the mail belongs to, e.g. "editie-3" or "bevestiging"; admins see progress per mailing.</summary>
    public string Mailing { get; set; } = "";
    /// <summary>The person (subscription or account id) it goes to; erasure removes their deliveries.</summary>
    public Guid Recipient { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Text { get; set; } = "";
    public Dictionary<string, string> Headers { get; set; } = [];
    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>Where a mail delivery stands; stable Dutch strings like every code of Community (docs/adr/0096).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryStatus>))]
public enum DeliveryStatus
{
    [JsonStringEnumMemberName("wachtend"), Display(Name = "wachtend")] Pending,
    /// <summary>An attempt is recorded and the mail is being handed to the mail server.</summary>
    [JsonStringEnumMemberName("bezig"), Display(Name = "bezig")] Sending,
    [JsonStringEnumMemberName("verzonden"), Display(Name = "verzonden")] Sent,
    [JsonStringEnumMemberName("mislukt"), Display(Name = "mislukt")] Failed,
    /// <summary>An attempt was cut off before its outcome was recorded: the mail may or may not have left, and is not sent again.</summary>
    [JsonStringEnumMemberName("onzeker"), Display(Name = "onzeker")] Uncertain,
}

/// <summary>
/// The claim of one attempt ("&lt;delivery&gt;#&lt;number&gt;"), committed before the mail server is contacted. Its id is
/// unique, so of two handlers that try the same attempt at the same moment only one sends.
/// </summary>
public sealed class MailAttempt
{
    public string Id { get; set; } = "";
    public string DeliveryId { get; set; } = "";
    public int Number { get; set; }
    public DateTimeOffset StartedAt { get; set; }
}

/// <summary>
/// An attempt to send a mail was cut off (a crash while it was with the mail server) and its outcome is unknown; it is not
/// sent again. The stream is derived from the delivery id (<see cref="DeliverMailHandler.StreamOf"/>); no address in the event.
/// </summary>
public sealed record MailDeliveryUncertain(string DeliveryId, string Mailing, string MessageId, int Attempt) : IDescribedEvent
{
    public string Describe() => $"Verzending onzeker: mail {MessageId} ({Mailing}) wordt niet nog eens verstuurd";
}

/// <summary>Send the stored delivery with this id (at most once successfully).</summary>
public sealed record DeliverMail(string DeliveryId);

public static class DeliverMailHandler
{
    public const int MaxAttempts = 5;

    public static async Task<OutgoingMessages> Handle(DeliverMail message, IDocumentSession session, IDocumentStore store, IMailSender sender,
        TimeProvider clock, ILogger<MailDelivery> logger, CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        var delivery = await session.LoadAsync<MailDelivery>(message.DeliveryId, cancellationToken);
        if (delivery is null || delivery.Status is DeliveryStatus.Sent or DeliveryStatus.Uncertain || delivery.Attempts >= MaxAttempts) return outgoing;
        if (delivery.Status == DeliveryStatus.Sending)
        {
            // The last attempt was recorded and never finished: it may have reached the mail server. Not again.
            RecordUncertain(session, delivery, logger);
            return outgoing;
        }
        if (!await ClaimAttemptAsync(store, delivery, clock, cancellationToken))
        {
            logger.LogInformation("Mail {Delivery}: poging {Attempt} wordt al door een andere verwerking gedaan", delivery.Id, delivery.Attempts + 1);
            return outgoing;
        }

        try
        {
            await sender.SendAsync(new OutgoingMail(delivery.To, delivery.Subject, delivery.Text, delivery.Headers, MessageIdOf(delivery.Id)),
                cancellationToken);
            delivery.Status = DeliveryStatus.Sent;
            delivery.SentAt = clock.GetUtcNow();
            delivery.LastError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Mail {Delivery} niet verzonden (poging {Attempt})", delivery.Id, delivery.Attempts);
            delivery.Status = DeliveryStatus.Failed;
            delivery.LastError = e.Message;
            if (delivery.Attempts < MaxAttempts) outgoing.Add(message.DelayedFor(RetryDelay(delivery.Attempts)));
        }
        session.Store(delivery);
        return outgoing;
    }

    /// <summary>
    /// Records and commits "attempt n of this delivery has begun" before the mail server hears of it, in a session of its
    /// own. False when another handler claimed the same attempt first.
    /// </summary>
    private static async Task<bool> ClaimAttemptAsync(IDocumentStore store, MailDelivery delivery, TimeProvider clock, CancellationToken cancellationToken)
    {
        var number = delivery.Attempts + 1;
        await using var claim = store.LightweightSession();
        claim.Insert(new MailAttempt { Id = $"{delivery.Id}#{number}", DeliveryId = delivery.Id, Number = number, StartedAt = clock.GetUtcNow() });
        delivery.Attempts = number;
        delivery.Status = DeliveryStatus.Sending;
        claim.Store(delivery);
        try
        {
            await claim.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DocumentAlreadyExistsException)
        {
            return false;
        }
    }

    private static void RecordUncertain(IDocumentSession session, MailDelivery delivery, ILogger logger)
    {
        logger.LogWarning("Mail {Delivery}: poging {Attempt} werd afgebroken voordat de uitkomst vastlag; verzending onzeker, niet opnieuw verstuurd",
            delivery.Id, delivery.Attempts);
        delivery.Status = DeliveryStatus.Uncertain;
        delivery.LastError = "Verzending onzeker: de poging werd afgebroken voordat de uitkomst was vastgelegd. De mail wordt niet nog eens verstuurd.";
        session.Store(delivery);
        session.Events.Append(StreamOf(delivery.Id), new MailDeliveryUncertain(delivery.Id, delivery.Mailing, MessageIdOf(delivery.Id), delivery.Attempts));
    }

    /// <summary>The event stream of a delivery: a GUID derived from its id.</summary>
    internal static Guid StreamOf(string deliveryId) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("mail-delivery:" + deliveryId))[..16]);

    /// <summary>A stable Message-ID, so a receiver can recognise the same mail should it ever arrive twice.</summary>
    internal static string MessageIdOf(string deliveryId) =>
        $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(deliveryId)))[..32]}@wijkengids";

    private static TimeSpan RetryDelay(int attempt) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(4, attempt - 1)));
}

/// <summary>Queues mails: stores each delivery once and returns the messages that send them (through the outbox).</summary>
internal static class MailQueue
{
    public static async Task<IReadOnlyList<DeliverMail>> EnqueueAsync(IDocumentSession session, IEnumerable<MailDelivery> deliveries,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var list = deliveries.ToList();
        if (list.Count == 0) return [];
        var existing = (await session.LoadManyAsync<MailDelivery>(cancellationToken, list.Select(d => d.Id))).Select(d => d.Id).ToHashSet();
        var messages = new List<DeliverMail>();
        foreach (var delivery in list.Where(d => !existing.Contains(d.Id)).DistinctBy(d => d.Id))
        {
            delivery.CreatedAt = clock.GetUtcNow();
            session.Insert(delivery);
            messages.Add(new DeliverMail(delivery.Id));
        }
        return messages;
    }

    /// <summary>
    /// AVG erasure: mails to the address (delivered or not, also in the development mailbox) hold it in clear. They are
    /// operational records, not history (docs/adr/0092): they go, and nothing more is sent to it.
    /// </summary>
    public static void ForgetAddress(IDocumentSession session, string email)
    {
        session.DeleteWhere<MailDelivery>(d => d.To == email);
        session.DeleteWhere<DevMail>(m => m.To == email);
    }
}
