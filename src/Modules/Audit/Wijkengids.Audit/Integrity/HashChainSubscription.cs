using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Npgsql;

namespace Wijkengids.Audit.Integrity;

/// <summary>
/// Builds the hash chain in the order of the global event sequence, page by page in Marten's async daemon. Each
/// page reads the stored rows of its sequence range (all events, whatever their type), links them to the last
/// link before the range, and writes the links and the day checkpoints in the transaction that also records the
/// subscription's progress. Links are never overwritten: replaying a range keeps the links first written.
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
        var previous = await ChainLinks.HashBeforeAsync(connection, page.SequenceFloor + 1, cancellationToken);

        var sequences = new List<long>();
        var hashes = new List<string>();
        var previousHashes = new List<string>();
        var days = new List<DateOnly>();
        DateOnly? lastDay = null;
        await foreach (var stored in StoredEvents.ReadRangeAsync(connection, page.SequenceFloor, page.SequenceCeiling, cancellationToken))
        {
            var hash = ChainHash.Compute(previous, stored.Record);
            sequences.Add(stored.Record.Sequence);
            hashes.Add(hash);
            previousHashes.Add(previous);
            // A tombstone has no real time: it counts for the day of the event before it (or the day it is chained).
            var day = AmsterdamTime.IsUnknown(stored.Timestamp) ? lastDay ?? AmsterdamTime.Day(DateTimeOffset.UtcNow) : AmsterdamTime.Day(stored.Timestamp);
            days.Add(day);
            lastDay = day;
            previous = hash;
        }
        if (sequences.Count > 0)
        {
            operations.QueueSqlCommand(
                $"""
                with inserted as (
                    insert into {AuditSchema.HashChain} (seq, hash, previous, day)
                    select * from unnest(?::bigint[], ?::text[], ?::text[], ?::date[])
                    on conflict (seq) do nothing
                    returning seq, hash, day)
                insert into {AuditSchema.Checkpoints} as c (day, first_seq, last_seq, events, hash)
                select day, min(seq), max(seq), count(*), (array_agg(hash order by seq desc))[1] from inserted group by day
                on conflict (day) do update set
                    first_seq = least(c.first_seq, excluded.first_seq),
                    last_seq = greatest(c.last_seq, excluded.last_seq),
                    events = c.events + excluded.events,
                    hash = case when excluded.last_seq > c.last_seq then excluded.hash else c.hash end
                """,
                sequences.ToArray(), hashes.ToArray(), previousHashes.ToArray(), days.ToArray());
        }
        return NullChangeListener.Instance;
    }
}

/// <summary>Reads of the stored chain.</summary>
internal static class ChainLinks
{
    /// <summary>The hash of the last link before <paramref name="sequence"/>, or the genesis hash.</summary>
    public static async Task<string> HashBeforeAsync(NpgsqlConnection connection, long sequence, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select hash from {AuditSchema.HashChain} where seq < $1 order by seq desc limit 1", connection);
        command.Parameters.AddWithValue(sequence);
        return await command.ExecuteScalarAsync(cancellationToken) as string ?? ChainHash.Genesis;
    }
}
