using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Wijkengids.Contributions.Moderation;

/// <summary>One line of the public moderation log: no names, no words of the contributor or the editor.</summary>
public sealed record ModerationLogEntry(DateOnly Date, string Kind, string Subject, string? Url, string Decision, string Outcome,
    string? ReasonCode, string Reason);

/// <summary>How many decisions of a month had this outcome, or this reason (<see cref="Value"/>, in words).</summary>
public sealed record ModerationCount(string Month, string Value, int Count);

/// <summary>
/// One page of the log (newest first), optionally for one month ("2026-11"), with the months that have decisions and the
/// counts per month by outcome and by reason.
/// </summary>
public sealed record ModerationLogPage(string? Month, IReadOnlyList<string> Months, int Page, int Pages, int Total,
    IReadOnlyList<ModerationLogEntry> Entries, IReadOnlyList<ModerationCount> ByOutcome, IReadOnlyList<ModerationCount> ByReason,
    IReadOnlyList<ModerationReason> Reasons);

/// <summary>The public moderation log (docs/adr/0097): for everyone, also without signing in.</summary>
public sealed record ReadModerationLog(string? Month, int Page = 1, int PageSize = ReadModerationLog.DefaultPageSize) : IRequest<ModerationLogPage>
{
    public const int DefaultPageSize = 50;
}

internal sealed class ReadModerationLogValidator : AbstractValidator<ReadModerationLog>
{
    public ReadModerationLogValidator()
    {
        RuleFor(x => x.Month).Must(m => m is null || ModerationLog.IsMonth(m)).WithMessage("Geef de maand als jjjj-mm, bijvoorbeeld 2026-11.");
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1).WithMessage("De pagina is 1 of hoger.");
    }
}

internal sealed class ReadModerationLogHandler(IQuerySession session) : IRequestHandler<ReadModerationLog, ModerationLogPage>
{
    public async Task<ModerationLogPage> Handle(ReadModerationLog request, CancellationToken cancellationToken)
    {
        var all = await ModerationLog.EntriesAsync(session, null, cancellationToken);
        var months = all.Select(e => ModerationLog.MonthOf(e.Date)).Distinct().ToList();
        var selected = request.Month is null ? all : all.Where(e => ModerationLog.MonthOf(e.Date) == request.Month).ToList();
        var pages = Math.Max(1, (selected.Count + request.PageSize - 1) / request.PageSize);
        var page = selected.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToList();
        return new ModerationLogPage(request.Month, months, request.Page, pages, selected.Count, page,
            Counts(selected, e => e.Outcome), Counts(selected, e => e.Reason), ModerationReasons.All);
    }

    private static List<ModerationCount> Counts(IEnumerable<ModerationLogEntry> entries, Func<ModerationLogEntry, string> by) =>
        entries.GroupBy(e => (Month: ModerationLog.MonthOf(e.Date), Value: by(e)))
            .OrderByDescending(g => g.Key.Month).ThenByDescending(g => g.Count()).ThenBy(g => g.Key.Value, StringComparer.Ordinal)
            .Select(g => new ModerationCount(g.Key.Month, g.Key.Value, g.Count()))
            .ToList();
}

/// <summary>Reading and exporting the log; the HTTP endpoints.</summary>
internal static class ModerationLog
{
    public static bool IsMonth(string value) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static string MonthOf(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Every decision, newest first, optionally of one month; dates as in Amsterdam.</summary>
    public static async Task<List<ModerationLogEntry>> EntriesAsync(IQuerySession session, string? month, CancellationToken cancellationToken)
    {
        var records = await session.Query<ModerationRecord>().Where(r => r.LastDecidedAt != null).ToListAsync(cancellationToken);
        var outcomes = ModerationDecisions.All.ToDictionary(d => d.Code, d => d.Outcome);
        return records
            .SelectMany(r => r.Decisions.Select(d => (r, d)))
            .OrderByDescending(x => x.d.At).ThenBy(x => x.r.Id)
            .Select(x => new ModerationLogEntry(DateOnly.FromDateTime(DutchTime.ToLocal(x.d.At).DateTime), x.r.Kind, x.r.Subject, x.r.Url,
                x.d.Decision, outcomes.GetValueOrDefault(x.d.Decision, x.d.Decision), x.d.ReasonCode, ModerationReasons.DutchName(x.d.ReasonCode)))
            .Where(e => month is null || MonthOf(e.Date) == month)
            .ToList();
    }

    private sealed record CsvRow(string Datum, string Soort, string Over, string Link, string Besluit, string Redencode, string Reden);

    /// <summary>CSV in Dutch spreadsheet conventions (semicolons, UTF-8 with BOM), formula-like cells escaped (docs/adr/0087).</summary>
    public static byte[] Csv(IEnumerable<ModerationLogEntry> entries)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, new CsvConfiguration(DutchTime.Culture) { Delimiter = ";", InjectionOptions = InjectionOptions.Escape }))
        {
            csv.WriteRecords(entries.Select(e => new CsvRow(e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Kind, e.Subject,
                e.Url ?? "", e.Outcome, e.ReasonCode ?? "", e.Reason)));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static void MapEndpoints(RouteGroupBuilder open)
    {
        open.MapGet("/moderation-log", async (string? month, int? page, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReadModerationLog(Blank(month), page ?? 1), ct)))
            .WithName("ReadModerationLog")
            .WithSummary("Openbaar moderatielogboek: besluiten zonder persoonsgegevens, met aantallen per maand naar uitkomst en reden");
        open.MapGet("/moderation-log/export.csv", async (string? month, IMediator mediator, IQuerySession session, CancellationToken ct) =>
            {
                await mediator.Send(new ReadModerationLog(Blank(month), 1, 1), ct); // validates the month
                return TypedResults.File(Csv(await EntriesAsync(session, Blank(month), ct)), "text/csv; charset=utf-8", "moderatielogboek.csv");
            })
            .WithName("ExportModerationLogCsv").WithSummary("Het moderatielogboek als CSV (optioneel één maand: month=jjjj-mm)");
        open.MapGet("/moderation-log/export.json", async (string? month, IMediator mediator, IQuerySession session, CancellationToken ct) =>
            {
                await mediator.Send(new ReadModerationLog(Blank(month), 1, 1), ct);
                var json = JsonSerializer.SerializeToUtf8Bytes(await EntriesAsync(session, Blank(month), ct), JsonSerializerOptions.Web);
                return TypedResults.File(json, "application/json", "moderatielogboek.json");
            })
            .WithName("ExportModerationLogJson").WithSummary("Het moderatielogboek als JSON-bestand (optioneel één maand: month=jjjj-mm)");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
