using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Wijkengids.Audit.Integrity;

/// <summary>
/// Exactly what the hash chain covers of one stored event (docs/adr/0030). <see cref="Data"/> and
/// <see cref="Headers"/> are canonical JSON (<see cref="CanonicalJson"/>); <see cref="Timestamp"/> is UTC with
/// microseconds ("2026-11-23T09:15:02.123456Z"); <see cref="Actor"/> is Marten's user name as stored (null when none).
/// </summary>
public sealed record ChainRecord(
    long Sequence,
    Guid EventId,
    string StreamId,
    long Version,
    string Type,
    string Timestamp,
    string Data,
    string? Actor,
    string? CorrelationId,
    string? CausationId,
    string? Headers)
{
    public static string FormatTimestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string FormatTimestamp(DateTimeOffset moment) => FormatTimestamp(moment.UtcDateTime);
}

/// <summary>
/// hash(n) = SHA-256 over the UTF-8 bytes of one canonical JSON object holding hash(n-1) and the fields of event n,
/// written as lowercase hex. The first event's previous hash is <see cref="Genesis"/>.
/// </summary>
public static class ChainHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The exact text that is hashed; members in ordinal order, so it is itself canonical JSON.</summary>
    public static string HashedText(string previous, ChainRecord record)
    {
        var text = new StringBuilder(record.Data.Length + 512);
        text.Append("{\"actor\":");
        NullableString(text, record.Actor);
        text.Append(",\"causation\":");
        NullableString(text, record.CausationId);
        text.Append(",\"correlation\":");
        NullableString(text, record.CorrelationId);
        text.Append(",\"data\":").Append(record.Data);
        text.Append(",\"eventId\":");
        CanonicalJson.WriteString(text, record.EventId.ToString("D"));
        text.Append(",\"headers\":").Append(record.Headers ?? "null");
        text.Append(",\"previous\":");
        CanonicalJson.WriteString(text, previous);
        text.Append(",\"sequence\":").Append(record.Sequence.ToString(CultureInfo.InvariantCulture));
        text.Append(",\"streamId\":");
        CanonicalJson.WriteString(text, record.StreamId);
        text.Append(",\"timestamp\":");
        CanonicalJson.WriteString(text, record.Timestamp);
        text.Append(",\"type\":");
        CanonicalJson.WriteString(text, record.Type);
        text.Append(",\"version\":").Append(record.Version.ToString(CultureInfo.InvariantCulture));
        text.Append('}');
        return text.ToString();
    }

    public static string Compute(string previous, ChainRecord record) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(HashedText(previous, record))));

    private static void NullableString(StringBuilder text, string? value)
    {
        if (value is null) text.Append("null");
        else CanonicalJson.WriteString(text, value);
    }
}
