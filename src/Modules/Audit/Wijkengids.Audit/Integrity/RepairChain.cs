using Marten;
using Npgsql;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Integrity;

/// <summary>
/// The repair of a chain that the code before docs/adr/0070 left with a break: a tombstone that appeared at a position
/// the chain had already passed (verification: "toegevoegd"). The tombstones are taken into the chain as late
/// arrivals by the hash-chain subscription; the repair itself is an event on the audit trail.
/// </summary>
/// <param name="Positions">The positions of the late tombstones that were taken into the chain.</param>
/// <param name="Operator">Who ran the repair: the given name, or the operating-system account and machine.</param>
public sealed record HashChainRepaired(long[] Positions, string Operator) : IDescribedEvent
{
    public string Describe() =>
        $"Hashketen hersteld: {Positions.Length} late tombstone(s) op positie(s) {string.Join(", ", Positions)} als late schakels opgenomen";
}

/// <summary>What a repair found: late tombstones it can take into the chain, and other unchained rows it must leave alone.</summary>
public sealed record ChainRepairPlan(IReadOnlyList<long> LateTombstones, IReadOnlyList<(long Position, string Type)> Others);

internal static class ChainRepair
{
    /// <summary>Rows below the chain's highest position that have no link and are not awaited as late arrivals.</summary>
    public static async Task<ChainRepairPlan> FindAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            select e.seq_id, e.type from {AuditSchema.Events} e
            where e.seq_id < (select coalesce(max(seq), 0) from {AuditSchema.HashChain})
              and not exists (select 1 from {AuditSchema.HashChain} c where c.seq = e.seq_id)
              and not exists (select 1 from {AuditSchema.ChainGaps} g where e.seq_id between g.first_seq and g.last_seq and {ChainGaps.Watched("g")})
            order by e.seq_id
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tombstones = new List<long>();
        var others = new List<(long, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var type = reader.GetString(1);
            if (type == Timeline.AuditTimelineProjection.TombstoneType) tombstones.Add(reader.GetInt64(0));
            else others.Add((reader.GetInt64(0), type));
        }
        return new ChainRepairPlan(tombstones, others);
    }

    /// <summary>
    /// Records the repair and, in the same transaction, has the chain watch the tombstones' positions again, so its next
    /// page (the one that chains the repair event) takes them as late arrivals, just before that event. Existing links are not touched.
    /// </summary>
    public static async Task RecordAsync(IDocumentStore store, IReadOnlyList<long> positions, string operatorName, string? reason,
        CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Stamp(FixedRequestContext.System(), reason ?? "hashketen hersteld");
        session.Events.StartStream(Guid.NewGuid(), new HashChainRepaired(positions.ToArray(), operatorName));
        session.QueueSqlCommand(
            $"""
            insert into {AuditSchema.ChainGaps} (first_seq, last_seq, noticed) select p, p, now() from unnest(?::bigint[]) p
            on conflict (first_seq) do update set last_seq = greatest({AuditSchema.ChainGaps}.last_seq, excluded.last_seq), noticed = now()
            """, positions.ToArray());
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>How many of <paramref name="positions"/> have a link.</summary>
    public static async Task<long> ChainedAsync(IDocumentStore store, IReadOnlyList<long> positions, CancellationToken cancellationToken)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"select count(*) from {AuditSchema.HashChain} where seq = any($1)", connection);
        command.Parameters.AddWithValue(positions.ToArray());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
