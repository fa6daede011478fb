using Marten;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Wijkengids.Community.Mail;

/// <summary>
/// One mail to one person, stored before it is sent and sent by <see cref="DeliverMailHandler"/>. Its id is derived from
/// what it is for ("editie-3/&lt;subscription&gt;"), so the same mail is never queued twice, and a delivery marked sent is
/// never sent again, however often the message is retried.
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
    public string Status { get; set; } = DeliveryStatus.Pending;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

public static class DeliveryStatus
{
    public const string Pending = "wachtend";
    public const string Sent = "verzonden";
    public const string Failed = "mislukt";
}

/// <summary>Send the stored delivery with this id (at most once successfully).</summary>
public sealed record DeliverMail(string DeliveryId);

public static class DeliverMailHandler
{
    public const int MaxAttempts = 5;

    public static async Task<OutgoingMessages> Handle(DeliverMail message, IDocumentSession session, IMailSender sender, TimeProvider clock,
        ILogger<MailDelivery> logger, CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        var delivery = await session.LoadAsync<MailDelivery>(message.DeliveryId, cancellationToken);
        if (delivery is null || delivery.Status == DeliveryStatus.Sent || delivery.Attempts >= MaxAttempts) return outgoing;

        delivery.Attempts++;
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
}
