using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Wijkengids.Workshops.Bookings;

/// <summary>
/// CSV export of the bookings for organisers (CsvHelper), in Dutch spreadsheet conventions: semicolons, decimal
/// commas, Amsterdam times, UTF-8 with a byte order mark so that spreadsheet programs read the accents right.
/// Statuses are the Dutch names people read. A cell that starts with =, +, -, @, tab or CR gets a leading ' so a spreadsheet shows it as text instead of
/// running it as a formula (docs/adr/0087).
/// </summary>
internal static class BookingExport
{
    private sealed record Row(string Aangevraagd, string Werkatelier, string Sessie, string Gebied, string Organisatie, string Contactpersoon,
        string Email, int Deelnemers, string Status, int? Wachtlijstplaats, decimal? CofinancieringGevraagd, string Cofinancieringsbesluit,
        decimal? CofinancieringToegekend);

    public static byte[] Write(IEnumerable<BookingDetails> bookings)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, new CsvConfiguration(DutchTime.Culture) { Delimiter = ";", InjectionOptions = InjectionOptions.Escape }))
        {
            csv.WriteRecords(bookings.Select(b => new Row(
                DutchTime.ToLocal(b.RequestedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), b.FormatTitle,
                b.SessionStartsAt is { } s ? DutchTime.ToLocal(s).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "",
                b.AreaName, b.Organisation, b.ContactName, b.ContactEmail, b.Participants, b.Status.Dutch(), b.WaitListPosition,
                b.CoFinancingRequested, b.CoFinancingDecision?.Dutch() ?? "", b.CoFinancingGranted)));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static void MapEndpoint(RouteGroupBuilder organisers) =>
        organisers.MapGet("/bookings/export.csv", async (string? status, Guid? sessionId, IMediator mediator, CancellationToken ct) =>
                TypedResults.File(Write(await mediator.Send(new ListBookings(StableEnums.ParseOrNull<BookingStatus>(status, "status"), sessionId), ct)),
                    "text/csv; charset=utf-8", "boekingen.csv"))
            .WithName("ExportBookings").WithSummary("Aanvragen en boekingen als CSV (organisator)")
            .WithStatusQuery<BookingStatus>("status");
}
