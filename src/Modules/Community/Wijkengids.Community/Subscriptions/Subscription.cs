using Wijkengids.Community.Shared;

namespace Wijkengids.Community.Subscriptions;

/// <summary>
/// A subscription's write model: rebuilt from its stream, it decides confirming, unsubscribing and erasing. It holds no
/// personal data: the address stays sealed in <see cref="SubscriptionRequested"/>.
/// </summary>
public sealed class Subscription
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public SubscriptionStatus Status { get; set; } = SubscriptionStatus.Requested;
    /// <summary>Unsubscribed with the address forgotten (docs/adr/0102): nothing can be confirmed or sent any more.</summary>
    public bool AddressForgotten { get; set; }

    public static SubscriptionRequested Request(Guid id, Sealed email, SubscriptionChoices choices, DateTimeOffset now) =>
        new(id, email, choices.Themes, now, choices.Chapters, choices.MajorOnly, choices.Frequency);

    public static Subscription Create(SubscriptionRequested e) => new() { Id = e.SubscriptionId };

    public void Apply(SubscriptionConfirmed _) => Status = SubscriptionStatus.Confirmed;
    public void Apply(SubscriptionCancelled e)
    {
        Status = SubscriptionStatus.Cancelled;
        AddressForgotten |= e.AddressHash is not null;
    }
    public void Apply(SubscriptionErased _) => Status = SubscriptionStatus.Erased;

    /// <summary>Confirmed with a link: from now on with the <paramref name="choices"/> of that link, also when confirmed before.</summary>
    public SubscriptionConfirmed Confirm(SubscriptionChoices choices, DateTimeOffset now)
    {
        EnsureNotErased();
        return new SubscriptionConfirmed(Id, choices.Themes, now, choices.Chapters, choices.MajorOnly, choices.Frequency);
    }

    /// <summary>
    /// Unsubscribing twice is fine: only a live subscription is cancelled. <paramref name="addressHash"/> is the keyed hash
    /// of the address that remains once it is forgotten.
    /// </summary>
    public SubscriptionCancelled? Cancel(string addressHash)
    {
        EnsureNotErased();
        return Status is SubscriptionStatus.Requested or SubscriptionStatus.Confirmed ? new SubscriptionCancelled(Id, addressHash) : null;
    }

    public SubscriptionErased? Erase() => Status == SubscriptionStatus.Erased ? null : new SubscriptionErased(Id);

    private void EnsureNotErased()
    {
        if (Status == SubscriptionStatus.Erased || AddressForgotten) throw new RuleViolationException(SignedTokens.InvalidMessage);
    }
}
