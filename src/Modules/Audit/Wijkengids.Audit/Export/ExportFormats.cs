using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Wijkengids.Audit.Export;

/// <summary>Writes and reads the two export formats, one row at a time (constant memory at any size).</summary>
internal interface IExportFormat
{
    string Name { get; }
    string ContentType { get; }
    string Extension { get; }
    Task WriteHeaderAsync(Stream output, CancellationToken cancellationToken);
    Task WriteRowAsync(Stream output, ExportRow row, CancellationToken cancellationToken);
    IAsyncEnumerable<(long Line, IReadOnlyList<string?> Values)> ReadAsync(TextReader input, CancellationToken cancellationToken);
}

internal static class ExportFormats
{
    public static readonly IExportFormat Csv = new CsvFormat();
    public static readonly IExportFormat JsonLines = new JsonLinesFormat();

    public static IExportFormat? Named(string? name) => name?.ToLowerInvariant() switch
    {
        "csv" => Csv,
        "jsonl" or "json-lines" or "ndjson" => JsonLines,
        _ => null,
    };

    /// <summary>By extension, else by the first character ("{" is JSON Lines).</summary>
    public static IExportFormat Detect(string path, char firstCharacter) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? Csv
        : path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || firstCharacter == '{' ? JsonLines
        : Csv;
}

/// <summary>
/// RFC 4180: a header line, comma-separated, CRLF; null is an empty unquoted field, "" an empty quoted one.
/// A value that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is written with a leading
/// apostrophe, the spreadsheet's own "this is text" mark; so is a value that starts with an apostrophe, so reading
/// drops exactly one leading apostrophe and gives every value back as exported (docs/adr/0087).
/// </summary>
internal sealed class CsvFormat : IExportFormat
{
    private const char TextMark = '\'';
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r', TextMark];

    internal static string Neutralise(string value) =>
        value.Length > 0 && Array.IndexOf(FormulaStarts, value[0]) >= 0 ? TextMark + value : value;

    internal static string? Restore(string? value) => value is [TextMark, ..] ? value[1..] : value;

    public string Name => "csv";
    public string ContentType => "text/csv; charset=utf-8";
    public string Extension => "csv";

    public Task WriteHeaderAsync(Stream output, CancellationToken cancellationToken) =>
        output.WriteAsync(Encoding.UTF8.GetBytes(string.Join(',', ExportRow.Columns) + "\r\n"), cancellationToken).AsTask();

    public Task WriteRowAsync(Stream output, ExportRow row, CancellationToken cancellationToken)
    {
        var line = new StringBuilder(1024);
        var first = true;
        foreach (var value in row.Values())
        {
            if (!first) line.Append(',');
            first = false;
            if (value is null) continue;
            var cell = Neutralise(value);
            if (cell.Length > 0 && cell.IndexOfAny([',', '"', '\r', '\n']) < 0) line.Append(cell);
            else line.Append('"').Append(cell.Replace("\"", "\"\"")).Append('"');
        }
        line.Append("\r\n");
        return output.WriteAsync(Encoding.UTF8.GetBytes(line.ToString()), cancellationToken).AsTask();
    }

    public async IAsyncEnumerable<(long Line, IReadOnlyList<string?> Values)> ReadAsync(TextReader input,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long record = 0;
        var header = true;
        while (await ReadRecordAsync(input) is { } values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            record++;
            if (header)
            {
                header = false;
                if (!values.SequenceEqual(ExportRow.Columns)) throw new FormatException("De kopregel is niet die van een audit-export.");
                continue;
            }
            yield return (record, values.Select(Restore).ToList());
        }
    }

    /// <summary>One record (a quoted field may span lines); null at the end of the input.</summary>
    private static async Task<List<string?>?> ReadRecordAsync(TextReader input)
    {
        var line = await input.ReadLineAsync();
        if (line is null) return null;
        var values = new List<string?>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        field.Append("\r\n");
                        line = await input.ReadLineAsync() ?? throw new FormatException("Een veld tussen aanhalingstekens is niet afgesloten.");
                        i = 0;
                        continue;
                    }
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(line[i++]);
                }
                values.Add(field.ToString());
            }
            else
            {
                var end = line.IndexOf(',', i);
                if (end < 0) end = line.Length;
                values.Add(end == i ? null : line[i..end]);
                i = end;
            }
            field.Clear();
            if (i >= line.Length) return values;
            if (line[i] != ',') throw new FormatException("Na een veld tussen aanhalingstekens hoort een komma.");
            i++;
            if (i == line.Length)
            {
                values.Add(null);
                return values;
            }
        }
    }
}

/// <summary>One JSON object per line; data and headers are embedded as (canonical) JSON, not as strings.</summary>
internal sealed class JsonLinesFormat : IExportFormat
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public string Name => "jsonl";
    public string ContentType => "application/jsonl; charset=utf-8";
    public string Extension => "jsonl";

    public Task WriteHeaderAsync(Stream output, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task WriteRowAsync(Stream output, ExportRow row, CancellationToken cancellationToken)
    {
        var values = row.Values();
        await using (var writer = new Utf8JsonWriter(output, Options))
        {
            writer.WriteStartObject();
            for (var i = 0; i < values.Length; i++)
            {
                var name = ExportRow.Columns[i];
                if (values[i] is null) writer.WriteNull(name);
                else if (name is "data" or "headers")
                {
                    writer.WritePropertyName(name);
                    writer.WriteRawValue(values[i]!, skipInputValidation: true);
                }
                else if (name is "position" or "version")
                {
                    writer.WritePropertyName(name);
                    writer.WriteRawValue(values[i]!, skipInputValidation: true);
                }
                else writer.WriteString(name, values[i]);
            }
            writer.WriteEndObject();
        }
        await output.WriteAsync(NewLine, cancellationToken);
    }

    public async IAsyncEnumerable<(long Line, IReadOnlyList<string?> Values)> ReadAsync(TextReader input,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long number = 0;
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var document = JsonDocument.Parse(line);
            var values = new string?[ExportRow.Columns.Length];
            for (var i = 0; i < values.Length; i++)
            {
                if (!document.RootElement.TryGetProperty(ExportRow.Columns[i], out var value) || value.ValueKind == JsonValueKind.Null) continue;
                values[i] = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    _ => Integrity.CanonicalJson.Canonicalise(value),
                };
            }
            yield return (number, values);
        }
    }
}
