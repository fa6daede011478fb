using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Wijkengids.Audit.Timeline;

/// <summary>
/// Reads revisions and editions from the stored event data (jsonb, as the hash chain covers it), by the shape of the
/// data rather than by .NET type, so the audit needs no reference to the module that wrote them (ADR 35):
/// <list type="bullet">
/// <item>a <b>revision</b> is an event of the item with an integer <c>revision</c> and an object <c>text</c>
/// (<c>title</c>, <c>statement</c>, <c>body</c>, <c>summary</c>) and no <c>publishedAt</c>; an <c>attribution</c>
/// (<c>proposalId</c>, <c>proposerId</c>, <c>proposerName</c> sealed, <c>acceptedBy</c>) says which proposal it came
/// from; <c>restoredFrom</c> that it restored an older one;</item>
/// <item>any other event of the item with an integer <c>revision</c> is a step of that revision (submitted, approved,
/// published…);</item>
/// <item>a <b>published edition</b> is an event of another stream that mentions the item, with an integer
/// <c>number</c>, a <c>title</c>, a <c>publishedAt</c> and <c>entries</c>, one of which has the item's
/// <c>itemId</c> and the <c>toRevision</c> it carried.</item>
/// </list>
/// Member names are matched without regard to case.
/// </summary>
internal static class RevisionTrail
{
    /// <summary>A revision as stored: its text and, when it came from a proposal, the attribution.</summary>
    public sealed record StoredRevision(int Number, string Title, string Text, int? RestoredFrom, StoredAttribution? Attribution);

    public sealed record StoredAttribution(Guid ProposalId, Guid ProposerId, SharedKernel.Sealed? ProposerName, Guid? AcceptedBy);

    public sealed record StoredEdition(int Number, string Title, int Revision, DateTimeOffset PublishedAt);

    /// <summary>The stored data (jsonb text) of the events at these positions.</summary>
    public static async Task<Dictionary<long, JsonElement>> DataAsync(NpgsqlConnection connection, IEnumerable<long> positions,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, JsonElement>();
        var wanted = positions.Distinct().ToArray();
        if (wanted.Length == 0) return found;
        await using var command = new NpgsqlCommand($"select e.seq_id, e.data::text from {AuditSchema.Events} e where e.seq_id = any($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = wanted, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var document = JsonDocument.Parse(reader.GetString(1));
            found[reader.GetInt64(0)] = document.RootElement.Clone();
        }
        return found;
    }

    /// <summary>The revision number an event is about, if any.</summary>
    public static int? RevisionOf(JsonElement data) => Int(data, "revision");

    /// <summary>The revision this event wrote (a draft, an intake, a restore), or null when it wrote none.</summary>
    public static StoredRevision? RevisionWritten(JsonElement data)
    {
        if (RevisionOf(data) is not { } number || Member(data, "text") is not { ValueKind: JsonValueKind.Object } text
            || Member(data, "publishedAt") is not null) return null;
        var title = String(text, "title") ?? "";
        var parts = new List<string> { title };
        parts.AddRange(new[] { String(text, "statement"), String(text, "body") }.OfType<string>());
        if (Member(text, "summary") is { ValueKind: JsonValueKind.Array } summary)
        {
            parts.AddRange(summary.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => "- " + p.GetString()));
        }
        return new StoredRevision(number, title, string.Join("\n\n", parts.Where(p => p.Length > 0)), Int(data, "restoredFrom"),
            AttributionOf(Member(data, "attribution")));
    }

    /// <summary>The published edition this event is, listing <paramref name="item"/>; null for anything else.</summary>
    public static StoredEdition? EditionListing(JsonElement data, Guid item)
    {
        if (Int(data, "number") is not { } number || Member(data, "publishedAt") is not { } at || !at.TryGetDateTimeOffset(out var publishedAt)
            || Member(data, "entries") is not { ValueKind: JsonValueKind.Array } entries) return null;
        foreach (var entry in entries.EnumerateArray())
        {
            if (Guid(entry, "itemId") == item && Int(entry, "toRevision") is { } revision)
            {
                return new StoredEdition(number, String(data, "title") ?? "", revision, publishedAt);
            }
        }
        return null;
    }

    /// <summary>
    /// A sentence as it is compared: Markdown emphasis and heading marks dropped, white space collapsed, lower case,
    /// so that "zoek een zin" finds it whether or not the editor made a word bold or broke the line.
    /// </summary>
    public static string Comparable(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (c is '*' or '_' or '`' or '#' or '>') continue;
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(char.ToLowerInvariant(c switch { '\u2018' or '\u2019' => '\'', '\u201c' or '\u201d' => '"', _ => c }));
        }
        return builder.ToString();
    }

    private static StoredAttribution? AttributionOf(JsonElement? attribution)
    {
        if (attribution is not { ValueKind: JsonValueKind.Object } a || Guid(a, "proposalId") is not { } proposal) return null;
        SharedKernel.Sealed? name = null;
        if (Member(a, "proposerName") is { ValueKind: JsonValueKind.Object } sealedName && Guid(sealedName, "subject") is { } subject
            && String(sealedName, "cipher") is { } cipher)
        {
            name = new SharedKernel.Sealed(subject, cipher);
        }
        return new StoredAttribution(proposal, Guid(a, "proposerId") ?? name?.Subject ?? System.Guid.Empty, name, Guid(a, "acceptedBy"));
    }

    private static JsonElement? Member(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
            }
        }
        return null;
    }

    private static int? Int(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    private static string? String(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static Guid? Guid(JsonElement element, string name) =>
        String(element, name) is { } text && System.Guid.TryParse(text, out var id) ? id : null;
}
