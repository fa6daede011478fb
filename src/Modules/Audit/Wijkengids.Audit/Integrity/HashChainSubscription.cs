using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Npgsql;
using Wijkengids.Audit.Timeline;

namespace Wijkengids.Audit.Integrity;

/// <summary>
/// Builds the hash chain in the order in which it reads committed events (docs/adr/0030, 0070), page by page in
/// Marten's async daemon. Each page first takes the late arrivals (rows that appeared at positions the chain passed
/// while they were still empty), then the rows of its sequence range that are not chained yet, and appends them to the
/// chain's tail with increasing link numbers. It writes the links, the day checkpoints and the positions it found
/// empty in the transaction that also records the subscription's progress. Links are never rewritten.
/// </summary>
public sealed class HashChainSubscription : SubscriptionBase
{
    public const string SubscriptionName = "AuditHashChain";

    public HashChainSubscription()
    {
        Name = SubscriptionName;
        IncludeArchivedEvents = true;
        Options.BatchSize = 1000;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        await using var connection = (NpgsqlConnection)operations.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var tail = await ChainLinks.TailAsync(connection, cancellationToken);
        var links = new PendingLinks(tail);

        var late = new List<long>();
        await foreach (var (_, stored) in StoredEvents.ReadLateAsync(connection, page.SequenceFloor, cancellationToken))
        {
            links.Add(stored);
            late.Add(stored.Record.Sequence);
        }

        // Positions of the range without a row: an append still open, or one that failed. Watched for late arrivals.
        var gapFirsts = new List<long>();
        var gapLasts = new List<long>();
        var expected = page.SequenceFloor + 1;
        await foreach (var (chained, stored) in StoredEvents.ReadRangeAsync(connection, page.SequenceFloor, page.SequenceCeiling, cancellationToken))
        {
            var sequence = stored.Record.Sequence;
            if (sequence > expected)
            {
                gapFirsts.Add(expected);
                gapLasts.Add(sequence - 1);
            }
            expected = sequence + 1;
            if (!chained) links.Add(stored);
        }
        if (expected <= page.SequenceCeiling)
        {
            gapFirsts.Add(expected);
            gapLasts.Add(page.SequenceCeiling);
        }

        links.Queue(operations);
        if (gapFirsts.Count > 0)
        {
            operations.QueueSqlCommand(
                $"insert into {AuditSchema.ChainGaps} (first_seq, last_seq) select * from unnest(?::bigint[], ?::bigint[]) on conflict (first_seq) do nothing",
                gapFirsts.ToArray(), gapLasts.ToArray());
        }
        operations.QueueSqlCommand($"delete from {AuditSchema.ChainGaps} g where not {ChainGaps.Watched("g")}");
        if (late.Count > 0) await AddToTimelineAsync(operations, late, cancellationToken);
        return NullChangeListener.Instance;
    }

    /// <summary>The daemon never hands late arrivals to the timeline projection, so they enter the timeline with their link.</summary>
    private static async Task AddToTimelineAsync(IDocumentOperations operations, List<long> sequences, CancellationToken cancellationToken)
    {
        var events = await operations.Events.QueryAllRawEvents().Where(e => sequences.Contains(e.Sequence))
            .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        await new AuditTimelineProjection().ApplyAsync(operations, events.ToList<IEvent>(), cancellationToken);
    }

    /// <summary>The links of one page, appended after the tail in the order they are added.</summary>
    private sealed class PendingLinks((long Link, string Hash, DateOnly? Day) tail)
    {
        private readonly List<long> _links = [];
        private readonly List<long> _sequences = [];
        private readonly List<string> _hashes = [];
        private readonly List<string> _previous = [];
        private readonly List<DateOnly> _days = [];

        public void Add(StoredEvent stored)
        {
            // A tombstone has no real time: it counts for the day of the link before it (or the day it is chained).
            var day = AmsterdamTime.IsUnknown(stored.Timestamp)
                ? tail.Day ?? AmsterdamTime.Day(DateTimeOffset.UtcNow)
                : AmsterdamTime.Day(stored.Timestamp);
            var hash = ChainHash.Compute(tail.Hash, stored.Record);
            _links.Add(tail.Link + 1);
            _sequences.Add(stored.Record.Sequence);
            _hashes.Add(hash);
            _previous.Add(tail.Hash);
            _days.Add(day);
            tail = (tail.Link + 1, hash, day);
        }

        public void Queue(IDocumentOperations operations)
        {
            if (_links.Count == 0) return;
            // No "on conflict": a link that exists already means another writer moved the tail, and the page must fail
            // (and be retried from the new tail) rather than fork the chain.
            operations.QueueSqlCommand(
                $"""
                with inserted as (
                    insert into {AuditSchema.HashChain} (link, seq, hash, previous, day)
                    select * from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::date[])
                    returning link, seq, hash, day)
                insert into {AuditSchema.Checkpoints} as c (day, first_seq, last_seq, events, hash)
                select day, min(seq), max(seq), count(*), (array_agg(hash order by seq desc))[1] from inserted group by day
                on conflict (day) do update set
                    first_seq = least(c.first_seq, excluded.first_seq),
                    last_seq = greatest(c.last_seq, excluded.last_seq),
                    events = c.events + excluded.events,
                    hash = case when excluded.last_seq > c.last_seq then excluded.hash else c.hash end
                """,
                _links.ToArray(), _sequences.ToArray(), _hashes.ToArray(), _previous.ToArray(), _days.ToArray());
        }
    }
}

/// <summary>Reads of the stored chain.</summary>
internal static class ChainLinks
{
    /// <summary>The last link (number, hash, day), or link 0 with the genesis hash for an empty chain.</summary>
    public static async Task<(long Link, string Hash, DateOnly? Day)> TailAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select link, hash, day from {AuditSchema.HashChain} order by link desc limit 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2))
            : (0, ChainHash.Genesis, null);
    }

    /// <summary>The hash of the last link before link number <paramref name="link"/>, or the genesis hash.</summary>
    public static async Task<string> HashBeforeAsync(NpgsqlConnection connection, long link, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select hash from {AuditSchema.HashChain} where link < $1 order by link desc limit 1", connection);
        command.Parameters.AddWithValue(link);
        return await command.ExecuteScalarAsync(cancellationToken) as string ?? ChainHash.Genesis;
    }
}

/// <summary>
/// Positions the chain passed while they were empty. For <see cref="Window"/> after the chain passed them, an event that
/// appears there (a late tombstone after a crash, a transaction committed late) is taken into the chain as a late
/// arrival; after that, a row appearing there is an insertion, reported by verification (docs/adr/0070).
/// </summary>
internal static class ChainGaps
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>SQL condition: the gap row aliased <paramref name="alias"/> is still watched.</summary>
    public static string Watched(string alias) => $"{alias}.noticed > now() - interval '{(int)Window.TotalHours} hours'";
}
