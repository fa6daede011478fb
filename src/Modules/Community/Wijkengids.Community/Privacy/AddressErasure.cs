using System.Text;
using Wijkengids.Community.Subscriptions;

namespace Wijkengids.Community.Privacy;

/// <summary>What erasing an e-mail address means in Community, for an account holder and for someone without an account alike.</summary>
internal static class AddressErasure
{
    /// <summary>Update subscriptions of the address: their keys go, and each records its erasure.</summary>
    /// <remarks>Unsubscribed ones are found by the keyed hash of their forgotten address, which goes with the erasure.</remarks>
    public static async Task<int> EraseSubscriptionsAsync(IDocumentSession session, IPersonalDataVault vault, MasterKey masterKey, string actor,
        string email, CancellationToken cancellationToken)
    {
        var hash = SubscriptionView.HashOf(masterKey, email);
        var subscriptions = await session.Query<SubscriptionView>().Where(s => s.Email == email || s.AddressHash == hash).ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions)
        {
            await vault.EraseAsync(subscription.Id, actor, cancellationToken);
            var stream = await session.Events.FetchForWriting<Subscription>(subscription.Id, cancellationToken);
            if (stream.Aggregate?.Erase() is { } erased) stream.AppendOne(erased);
        }
        return subscriptions.Count;
    }

    /// <summary>
    /// Everything under an address without an account, erased with <paramref name="reason"/> as asked by
    /// <paramref name="requestedBy"/> (an admin, or the person with their link): the subscriptions and mails here, and through
    /// <see cref="ErasureRequested"/> with the address the reactions and bookings of the other modules (docs/adr/0099).
    /// </summary>
    public static async Task<ErasureResult> EraseEverythingAsync(IDocumentSession session, Wolverine.Marten.IMartenOutbox outbox,
        IPersonalDataVault vault, MasterKey masterKey, IRequestContext context, string requestedBy, string email, string reason, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        session.Stamp(context, reason);
        var subject = SubjectOf(masterKey, email);
        await EraseSubscriptionsAsync(session, vault, masterKey, requestedBy, email, cancellationToken);
        Mail.MailQueue.ForgetAddress(session, email);
        await outbox.PublishAsync(new Contracts.ErasureRequested(subject, requestedBy, reason, now, email));
        return new ErasureResult(subject, "e-mailadres", now);
    }

    /// <summary>
    /// The data subject of an address without an account: an id derived from the address with a keyed hash, the same every
    /// time (so a second erasure is recognised) and of no use to whoever reads the history without the master key.
    /// </summary>
    public static Guid SubjectOf(MasterKey masterKey, string email) =>
        new(masterKey.Mac("address-subject", Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())).AsSpan(0, 16));
}
