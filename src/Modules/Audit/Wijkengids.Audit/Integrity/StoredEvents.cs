using System.Runtime.CompilerServices;
using Npgsql;

namespace Wijkengids.Audit.Integrity;

/// <summary>One event row as it is stored in the event store, with its hashed fields in canonical form.</summary>
public sealed record StoredEvent(ChainRecord Record, DateTimeOffset Timestamp);

/// <summary>
/// Reads events as PostgreSQL holds them (data and headers as jsonb text), not as .NET objects: the chain must
/// cover what is stored, whatever the code that reads it later believes.
/// </summary>
internal static class StoredEvents
{
    /// <summary>The columns that <see cref="Read"/> expects, from a table aliased "e".</summary>
    public const string Columns =
        "e.seq_id, e.id, e.stream_id::text, e.version, e.type, e.timestamp, e.data::text, e.user_name, e.correlation_id, " +
        "e.causation_id, e.headers::text";

    public const int ColumnCount = 11;

    /// <summary>
    /// The rows of <paramref name="afterSequence"/>..<paramref name="upToSequence"/> in sequence order, each with whether
    /// the chain already holds a link for it (a replayed range).
    /// </summary>
    public static IAsyncEnumerable<(bool Chained, StoredEvent Event)> ReadRangeAsync(NpgsqlConnection connection, long afterSequence,
        long upToSequence, CancellationToken cancellationToken) =>
        ReadAsync(connection,
            $"""
            select exists (select 1 from {AuditSchema.HashChain} c where c.seq = e.seq_id), {Columns}
            from {AuditSchema.Events} e where e.seq_id > $1 and e.seq_id <= $2 order by e.seq_id
            """, [afterSequence, upToSequence], cancellationToken);

    /// <summary>
    /// Late arrivals: rows not yet chained at positions the chain passed while they were empty and still watches
    /// (docs/adr/0070), up to <paramref name="upToSequence"/>, in sequence order.
    /// </summary>
    public static IAsyncEnumerable<(bool Chained, StoredEvent Event)> ReadLateAsync(NpgsqlConnection connection, long upToSequence,
        CancellationToken cancellationToken) =>
        ReadAsync(connection,
            $"""
            select false, {Columns}
            from {AuditSchema.ChainGaps} g join {AuditSchema.Events} e on e.seq_id between g.first_seq and g.last_seq
            where {ChainGaps.Watched("g")} and e.seq_id <= $1
              and not exists (select 1 from {AuditSchema.HashChain} c where c.seq = e.seq_id)
            order by e.seq_id
            """, [upToSequence], cancellationToken);

    private static async IAsyncEnumerable<(bool Chained, StoredEvent Event)> ReadAsync(NpgsqlConnection connection, string sql, object[] values,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.AddWithValue(value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) yield return (reader.GetBoolean(0), Read(reader, 1));
    }

    /// <summary>Reads the <see cref="Columns"/> starting at <paramref name="offset"/>.</summary>
    public static StoredEvent Read(NpgsqlDataReader reader, int offset)
    {
        var timestamp = reader.GetFieldValue<DateTimeOffset>(offset + 5);
        var record = new ChainRecord(
            Sequence: reader.GetInt64(offset),
            EventId: reader.GetGuid(offset + 1),
            StreamId: reader.GetString(offset + 2),
            Version: reader.GetInt64(offset + 3),
            Type: reader.GetString(offset + 4),
            Timestamp: ChainRecord.FormatTimestamp(timestamp),
            Data: CanonicalJson.Canonicalise(reader.GetString(offset + 6)),
            Actor: NullableString(reader, offset + 7),
            CorrelationId: NullableString(reader, offset + 8),
            CausationId: NullableString(reader, offset + 9),
            Headers: reader.IsDBNull(offset + 10) ? null : CanonicalJson.Canonicalise(reader.GetString(offset + 10)));
        return new StoredEvent(record, timestamp);
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
