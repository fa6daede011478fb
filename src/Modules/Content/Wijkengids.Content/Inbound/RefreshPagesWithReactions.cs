using Wijkengids.Content.Reading;
using Wijkengids.Contributions.Contracts;

namespace Wijkengids.Content.Inbound;

/// <summary>
/// Section and lesson pages show the reactions editors published under them (read through Contributions'
/// <see cref="IPublishedReactions"/>). Those pages are cached on the guide version, so when Contributions says what
/// readers see under an item changed, the version moves on and the cached pages go stale (docs/adr/0051).
/// </summary>
public static class PublishedReactionsChangedHandler
{
    public static async Task Handle(PublishedReactionsChanged message, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var current = await session.LoadAsync<GuideVersion>(GuideVersion.SingletonId, cancellationToken);
        // Event sequences are small numbers; ticks never collide with them, and stay ahead of the previous value.
        var next = Math.Max((current?.Version ?? 0) + 1, clock.GetUtcNow().UtcTicks);
        session.Store(new GuideVersion { Version = next, ChangedAt = clock.GetUtcNow() });
        // Wolverine's transaction middleware saves; GuideChangeListener then makes this host's cached pages stale.
    }
}
