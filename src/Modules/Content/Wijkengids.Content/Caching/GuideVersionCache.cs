using Microsoft.AspNetCore.OutputCaching;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Caching;

/// <summary>
/// The current <see cref="GuideVersion"/>, read from the database at most once a second per host (in the background,
/// serving the previous value meanwhile) and at once after a change made on this host. Public pages use it for ETags and as part of their output-cache key, so a publish
/// invalidates every cached page here immediately and on other hosts within a second (docs/adr/0013).
/// </summary>
public sealed class GuideVersionCache(IDocumentStore store, TimeProvider clock, IOutputCacheStore? cache = null)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _current;
    private int _refreshing;
    private long _generation; // bumped by Invalidate: a read that started before it must not be kept

    public sealed record Snapshot(long Version, DateTimeOffset ChangedAt, DateTimeOffset ReadAt)
    {
        public string ETag => $"\"g{Version}\"";
    }

    /// <summary>
    /// The version to use now. A fresh snapshot is returned at once; a stale one is returned at once too while a single
    /// background read refreshes it (stale-while-revalidate), so readers never queue behind the database once a
    /// second. Only the first call, and the first after <see cref="Invalidate"/>, waits for the read.
    /// </summary>
    public ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var current = _current;
        if (current is null) return new ValueTask<Snapshot>(ReadAsync(cancellationToken));
        if (clock.GetUtcNow() - current.ReadAt >= MaxAge && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            _ = Task.Run(async () =>
            {
                try { await ReadAsync(CancellationToken.None); }
                catch (Exception) { /* the next request tries again; the stale version stays valid meanwhile */ }
                finally { Volatile.Write(ref _refreshing, 0); }
            }, CancellationToken.None);
        }
        return new ValueTask<Snapshot>(current);
    }

    private async Task<Snapshot> ReadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = _current;
            if (current is not null && clock.GetUtcNow() - current.ReadAt < MaxAge) return current;
            var generation = Interlocked.Read(ref _generation);
            await using var session = store.QuerySession();
            var version = await session.LoadAsync<GuideVersion>(GuideVersion.SingletonId, cancellationToken);
            current = new Snapshot(version?.Version ?? 0, version?.ChangedAt ?? DateTimeOffset.UnixEpoch, clock.GetUtcNow());
            if (Interlocked.Read(ref _generation) == generation) _current = current;
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
        Interlocked.Increment(ref _generation);
        _current = null;
        // Old entries could never be served again (their key holds the old version); this only frees the memory.
        _ = cache?.EvictByTagAsync(GuideCachePolicy.Tag, CancellationToken.None).AsTask();
    }
}
