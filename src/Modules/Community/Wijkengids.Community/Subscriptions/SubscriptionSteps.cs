using JasperFx.Events;
using Wijkengids.Community.Shared;

namespace Wijkengids.Community.Subscriptions;

/// <summary>What the steps of a subscription by a mailed link share: the subscription the link names, loaded for a change.</summary>
internal sealed class SubscriptionSteps(IDocumentSession session, IRequestContext context)
{
    /// <summary>The stream of the subscription with this id (from a link); an unknown or erased one makes the link invalid.</summary>
    /// <remarks>An unsubscribed one whose address was forgotten makes the link invalid too, unless <paramref name="forgottenIsFine"/> (unsubscribing again).</remarks>
    public async Task<IEventStream<Subscription>> FetchAsync(string id, CancellationToken cancellationToken, string invalid = SignedTokens.InvalidMessage,
        bool forgottenIsFine = false)
    {
        session.Stamp(context);
        var stream = Guid.TryParse(id, out var guid) ? await session.Events.FetchForWriting<Subscription>(guid, cancellationToken) : null;
        if (stream?.Aggregate is null || stream.Aggregate.Status == SubscriptionStatus.Erased || (stream.Aggregate.AddressForgotten && !forgottenIsFine))
        {
            throw new RuleViolationException(invalid);
        }
        return stream;
    }
}
