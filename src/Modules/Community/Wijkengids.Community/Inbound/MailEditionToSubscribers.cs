using Wijkengids.Community.Mail;
using Wijkengids.Community.Subscriptions;
using Wijkengids.Content.Contracts;
using Wolverine;

namespace Wijkengids.Community.Inbound;

/// <summary>
/// On a published edition: one mail per confirmed subscriber of each update whose choices it touches (themes, chapters,
/// major changes only; docs/adr/0098). Subscribers of the weekly overview get none here (docs/adr/0101). The deliveries are stored and their
/// send messages leave through the outbox in the same transaction; delivery ids are per (edition, subscriber), so a
/// redelivered EditionPublished queues nothing new and no subscriber gets the edition twice.
/// </summary>
public static class EditionPublishedHandler
{
    public static async Task<OutgoingMessages> Handle(EditionPublished edition, IDocumentSession session, SubscriptionMails mails, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var subscribers = await session.Query<SubscriptionView>().Where(s => s.Status == SubscriptionStatus.Confirmed).ToListAsync(cancellationToken);
        var deliveries = subscribers.Select(s => mails.Edition(edition, s)).OfType<MailDelivery>();
        var outgoing = new OutgoingMessages();
        outgoing.AddRange(await MailQueue.EnqueueAsync(session, deliveries, clock, cancellationToken));
        return outgoing;
    }
}
