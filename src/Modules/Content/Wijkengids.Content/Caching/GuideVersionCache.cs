using Marten;
using Microsoft.AspNetCore.OutputCaching;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Caching;

/// <summary>
/// The current <see cref="GuideVersion"/>, read from the database at most once a second per host and at once after
/// a change made on this host. Public pages use it for ETags and as part of their output-cache key, so a publish
/// invalidates every cached page here immediately and on other hosts within a second (docs/adr/0013).
/// </summary>
public sealed class GuideVersionCache(IDocumentStore store, TimeProvider clock, IOutputCacheStore? cache = null)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _current;

    public sealed record Snapshot(long Version, DateTimeOffset ChangedAt, DateTimeOffset ReadAt)
    {
        public string ETag => $"\"g{Version}\"";
    }

    public async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var current = _current;
        if (current is not null && clock.GetUtcNow() - current.ReadAt < MaxAge) return current;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            if (current is not null && clock.GetUtcNow() - current.ReadAt < MaxAge) return current;
            await using var session = store.QuerySession();
            var version = await session.LoadAsync<GuideVersion>(GuideVersion.SingletonId, cancellationToken);
            current = new Snapshot(version?.Version ?? 0, version?.ChangedAt ?? DateTimeOffset.UnixEpoch, clock.GetUtcNow());
            _current = current;
            return current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forget the cached version and this host's cached pages (after a change on this host).</summary>
    public void Invalidate()
    {
        _current = null;
        // Old entries could never be served again (their key holds the old version); this only frees the memory.
        _ = cache?.EvictByTagAsync(GuideCachePolicy.Tag, CancellationToken.None).AsTask();
    }
}
