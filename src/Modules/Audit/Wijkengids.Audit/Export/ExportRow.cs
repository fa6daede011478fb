using Wijkengids.Audit.Integrity;

namespace Wijkengids.Audit.Export;

/// <summary>
/// One exported event: the hashed fields exactly as chained (so the row can be verified offline), what the timeline
/// shows about it, and its links in the chain. <see cref="Actor"/> is the stored user name (null when none).
/// </summary>
public sealed record ExportRow(
    ChainRecord Record,
    string LocalTime,
    string Module,
    string Description,
    string ActorName,
    string? Reason,
    string PreviousHash,
    string ChainHash)
{
    /// <summary>Column names, in order, of both formats (JSON Lines uses them as member names).</summary>
    public static readonly string[] Columns =
    [
        "position", "eventId", "streamId", "version", "type", "timestamp", "actor", "correlationId", "causationId", "headers", "data",
        "localTime", "module", "description", "actorName", "reason", "previousHash", "chainHash",
    ];

    /// <summary>The values in <see cref="Columns"/> order; null stays null (JSON null, an empty unquoted CSV field).</summary>
    public string?[] Values() =>
    [
        Record.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Record.EventId.ToString("D"), Record.StreamId,
        Record.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), Record.Type, Record.Timestamp, Record.Actor,
        Record.CorrelationId, Record.CausationId, Record.Headers, Record.Data, LocalTime, Module, Description, ActorName, Reason,
        PreviousHash, ChainHash,
    ];

    /// <summary>Reads a row back from <see cref="Columns"/>-ordered values (as the offline verifier does).</summary>
    public static ExportRow FromValues(IReadOnlyList<string?> v)
    {
        if (v.Count != Columns.Length) throw new FormatException($"Verwacht {Columns.Length} velden, gevonden {v.Count}.");
        string Required(int i) => v[i] ?? throw new FormatException($"Het veld '{Columns[i]}' ontbreekt.");
        var record = new ChainRecord(
            long.Parse(Required(0), System.Globalization.CultureInfo.InvariantCulture), Guid.Parse(Required(1)), Required(2),
            long.Parse(Required(3), System.Globalization.CultureInfo.InvariantCulture), Required(4), Required(5), CanonicalJson.Canonicalise(Required(10)),
            v[6], v[7], v[8], v[9] is null ? null : CanonicalJson.Canonicalise(v[9]!));
        return new ExportRow(record, v[11] ?? "", v[12] ?? "", v[13] ?? "", v[14] ?? "", v[15], Required(16), Required(17));
    }

    /// <summary>Whether the row's chain hash is what its fields and previous hash give.</summary>
    public bool HashMatches => Integrity.ChainHash.Compute(PreviousHash, Record) == ChainHash;
}
