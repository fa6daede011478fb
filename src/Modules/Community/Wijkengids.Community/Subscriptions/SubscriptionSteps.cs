using JasperFx.Events;
using Wijkengids.Community.Shared;

namespace Wijkengids.Community.Subscriptions;

/// <summary>What the steps of a subscription by a mailed link share: the subscription the link names, loaded for a change.</summary>
internal sealed class SubscriptionSteps(IDocumentSession session, IRequestContext context)
{
    /// <summary>The stream of the subscription with this id (from a link); an unknown or erased one makes the link invalid.</summary>
    public async Task<IEventStream<Subscription>> FetchAsync(string id, CancellationToken cancellationToken, string invalid = SignedTokens.InvalidMessage)
    {
        session.Stamp(context);
        var stream = Guid.TryParse(id, out var guid) ? await session.Events.FetchForWriting<Subscription>(guid, cancellationToken) : null;
        if (stream?.Aggregate is null || stream.Aggregate.Status == SubscriptionStatus.Erased) throw new RuleViolationException(invalid);
        return stream;
    }
}
