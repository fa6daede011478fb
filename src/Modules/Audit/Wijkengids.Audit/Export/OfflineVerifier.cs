using Wijkengids.Audit.Integrity;

namespace Wijkengids.Audit.Export;

/// <summary>The outcome of checking an export file without any database.</summary>
public sealed record OfflineVerification(
    string Format,
    long Rows,
    long Invalid,
    long? FirstInvalidLine,
    long? FirstInvalidPosition,
    string? FirstInvalidReason,
    long Gaps,
    long? FirstGapAfter,
    bool StartsAtGenesis,
    long? LastPosition,
    string? LastHash,
    long LateArrivals = 0)
{
    /// <summary>Every row's hash follows from its fields; with <paramref name="complete"/>, also one unbroken chain from the start.</summary>
    public bool Passed(bool complete) => Invalid == 0 && (!complete || (Gaps == 0 && StartsAtGenesis && Rows > 0));
}

/// <summary>
/// Checks an export row by row (constant memory): each row's chain hash must be the SHA-256 of its previous hash and
/// its fields (docs/adr/0030); consecutive rows must link up unless the export was filtered.
/// </summary>
public static class OfflineVerifier
{
    public static async Task<OfflineVerification> VerifyAsync(string path, CancellationToken cancellationToken)
    {
        using var input = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var first = (char)Math.Max(0, input.Peek());
        var format = ExportFormats.Detect(path, first);
        long rows = 0, invalid = 0, gaps = 0, late = 0;
        long? firstInvalidLine = null, firstInvalidPosition = null, firstGapAfter = null;
        string? firstInvalidReason = null;
        ExportRow? previous = null;
        var startsAtGenesis = false;

        void Invalid(long line, long? position, string reason)
        {
            invalid++;
            if (firstInvalidLine is not null) return;
            firstInvalidLine = line;
            firstInvalidPosition = position;
            firstInvalidReason = reason;
        }

        await foreach (var (line, values) in format.ReadAsync(input, cancellationToken))
        {
            rows++;
            ExportRow row;
            try
            {
                row = ExportRow.FromValues(values);
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or OverflowException)
            {
                Invalid(line, null, $"onleesbaar: {e.Message}");
                continue;
            }
            if (!row.HashMatches) Invalid(line, row.Record.Sequence, "de vingerafdruk volgt niet uit de velden en de vorige vingerafdruk");
            if (previous is null) startsAtGenesis = row.PreviousHash == ChainHash.Genesis;
            else
            {
                // In the chain's order (oldest first) or the other way round (newest first); positions need not rise along
                // the chain, since a late arrival is chained after higher positions (docs/adr/0070).
                var (older, newer) = row.PreviousHash == previous.ChainHash ? (previous, row)
                    : previous.PreviousHash == row.ChainHash ? (row, previous)
                    : (null, null);
                if (older is null || newer is null)
                {
                    gaps++;
                    firstGapAfter ??= previous.Record.Sequence;
                }
                else if (newer.Record.Sequence < older.Record.Sequence) late++;
                if (row.PreviousHash == ChainHash.Genesis) startsAtGenesis = true;
            }
            previous = row;
        }
        var lastAscending = previous;
        return new OfflineVerification(format.Name, rows, invalid, firstInvalidLine, firstInvalidPosition, firstInvalidReason, gaps,
            firstGapAfter, startsAtGenesis, lastAscending?.Record.Sequence, lastAscending?.ChainHash, late);
    }

    /// <summary>The report in Dutch, as the command prints it.</summary>
    public static IEnumerable<string> Describe(string path, OfflineVerification result, bool complete)
    {
        yield return $"Export: {path} ({result.Format})";
        yield return $"Regels: {result.Rows}; kloppend: {result.Rows - result.Invalid}; niet kloppend: {result.Invalid}";
        if (result.FirstInvalidLine is { } line)
        {
            yield return $"Eerste fout: regel {line}{(result.FirstInvalidPosition is { } p ? $", positie {p}" : "")}: {result.FirstInvalidReason}.";
        }
        yield return result.Gaps == 0
            ? "Aaneengesloten: elke regel sluit aan op de vorige."
            : $"Onderbrekingen: {result.Gaps} (eerste na positie {result.FirstGapAfter}). Bij een gefilterde export is dat normaal; " +
              "bij een volledige export ontbreken er gebeurtenissen.";
        if (result.LateArrivals > 0)
        {
            yield return $"Laat opgenomen: {result.LateArrivals} gebeurtenis(sen) met een lagere positie dan de schakel ervoor " +
                         "(bijvoorbeeld een tombstone na een crash van de database); dat is geen breuk.";
        }
        yield return result.StartsAtGenesis ? "De export begint bij het begin van de keten." : "De export begint niet bij het begin van de keten.";
        if (result.LastHash is not null)
        {
            yield return $"Laatste vingerafdruk (positie {result.LastPosition}): {result.LastHash}";
            yield return "Vergelijk die met het ijkpunt van die dag op /integriteit of met uw eigen kopie daarvan.";
        }
        yield return result.Passed(complete)
            ? "Uitkomst: in orde."
            : complete && result.Invalid == 0
                ? "Uitkomst: NIET in orde: de export is geen volledige, aaneengesloten keten."
                : "Uitkomst: NIET in orde.";
    }
}
