using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Wijkengids.Audit.Integrity;

/// <summary>
/// The one canonical JSON form the hash chain uses (docs/adr/0030): no insignificant whitespace, object members
/// sorted by name in ordinal (UTF-16 code unit) order, strings with the minimal escapes (", \, and control
/// characters), numbers exactly as their literal text (PostgreSQL's numeric output), true/false/null. Canonicalising
/// a canonical text gives the same text, so an export carries data an offline verifier can hash again.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical form of a JSON text (e.g. a jsonb column read as text).</summary>
    public static string Canonicalise(string json)
    {
        using var document = JsonDocument.Parse(json);
        var builder = new StringBuilder(json.Length);
        Write(builder, document.RootElement);
        return builder.ToString();
    }

    public static string Canonicalise(JsonElement element)
    {
        var builder = new StringBuilder();
        Write(builder, element);
        return builder.ToString();
    }

    internal static void Write(StringBuilder output, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                output.Append('{');
                var first = true;
                foreach (var member in element.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    if (!first) output.Append(',');
                    first = false;
                    WriteString(output, member.Name);
                    output.Append(':');
                    Write(output, member.Value);
                }
                output.Append('}');
                break;
            case JsonValueKind.Array:
                output.Append('[');
                var firstItem = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!firstItem) output.Append(',');
                    firstItem = false;
                    Write(output, item);
                }
                output.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(output, element.GetString()!);
                break;
            case JsonValueKind.Number:
                output.Append(element.GetRawText());
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            default:
                output.Append("null");
                break;
        }
    }

    internal static void WriteString(StringBuilder output, string value)
    {
        output.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                default:
                    if (c < 0x20) output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else output.Append(c);
                    break;
            }
        }
        output.Append('"');
    }
}
