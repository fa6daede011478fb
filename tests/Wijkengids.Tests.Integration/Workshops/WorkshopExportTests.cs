using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Alba;
using Ical.Net.CalendarComponents;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Workshops;

/// <summary>The iCalendar feed and per-session files read back with Ical.Net; the organisers' CSV read back with CsvHelper.</summary>
[Collection(SharedHosts.Workshops)]
public sealed class WorkshopExportTests(WorkshopsHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    private async Task<Ical.Net.Calendar> CalendarAsync(string url)
    {
        var result = await Host.Scenario(s => { s.Get.Url(url); s.StatusCodeShouldBe(200); });
        Assert.StartsWith("text/calendar", result.Context.Response.ContentType);
        return Ical.Net.Calendar.Load(result.ReadAsText())!;
    }

    private static CalendarEvent EventOf(Ical.Net.Calendar calendar, JsonElement session) =>
        Assert.Single(calendar.Events, e => e.Uid == $"{Guid.Parse(session.GetProperty("id").GetString()!):N}@wijkengids");

    [Fact]
    public async Task The_feed_gives_amsterdam_local_times_with_their_time_zone_across_summer_time()
    {
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var slug = (await Host.DefineFormatAsync(organiser, "Agenda " + Guid.NewGuid().ToString("N")[..6])).GetProperty("slug").GetString()!;
        var winter = await Host.ScheduleAsync(organiser, slug, "2027-03-04T14:00");
        var summer = await Host.ScheduleAsync(organiser, slug, "2027-07-01T09:30");
        var cancelled = await Host.ScheduleAsync(organiser, slug, "2027-08-01T10:00");
        await Host.Scenario(s =>
        {
            s.Post.Json(new { reason = "geen trainers" }).ToUrl($"/api/workshops/sessions/{cancelled.GetProperty("id").GetString()}/cancel"); s.As(organiser);
            s.StatusCodeShouldBe(200);
        });

        var feed = await CalendarAsync("/werkateliers/agenda.ics");
        Assert.Contains(feed.TimeZones, z => z.TzId == "Europe/Amsterdam");
        var w = EventOf(feed, winter);
        Assert.Equal("Europe/Amsterdam", w.DtStart!.TzId);
        Assert.Equal(new DateTime(2027, 3, 4, 14, 0, 0), w.DtStart.Value);
        Assert.Equal(new DateTime(2027, 3, 4, 13, 0, 0, DateTimeKind.Utc), w.DtStart.AsUtc);
        Assert.Equal(new DateTime(2027, 3, 4, 18, 0, 0), w.DtEnd!.Value);
        var z = EventOf(feed, summer);
        Assert.Equal(new DateTime(2027, 7, 1, 9, 30, 0), z.DtStart!.Value);
        Assert.Equal(new DateTime(2027, 7, 1, 7, 30, 0, DateTimeKind.Utc), z.DtStart.AsUtc);
        Assert.Equal("Wijkcentrum Nieuwland, Schiedam", z.Location);
        Assert.StartsWith("Werkatelier: Agenda ", z.Summary);
        Assert.DoesNotContain(feed.Events, e => e.Uid!.StartsWith(Guid.Parse(cancelled.GetProperty("id").GetString()!).ToString("N")));

        var single = await CalendarAsync($"/werkateliers/sessies/{summer.GetProperty("id").GetString()}.ics");
        Assert.Equal(new DateTime(2027, 7, 1, 7, 30, 0, DateTimeKind.Utc), Assert.Single(single.Events).DtStart!.AsUtc);
        // Outside /api a missing session is the site's Dutch 404 page.
        await Host.Scenario(s => { s.Get.Url($"/werkateliers/sessies/{Guid.NewGuid()}.ics"); s.StatusCodeShouldBe(404); });
        await Host.Scenario(s => { s.Get.Url($"/werkateliers/sessies/{cancelled.GetProperty("id").GetString()}.ics"); s.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task Organisers_export_the_bookings_as_dutch_csv_and_nobody_else_can()
    {
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var slug = (await Host.DefineFormatAsync(organiser, "Export " + Guid.NewGuid().ToString("N")[..6])).GetProperty("slug").GetString()!;
        var sessionId = Guid.Parse((await Host.ScheduleAsync(organiser, slug, "2027-07-01T09:30")).GetProperty("id").GetString()!);
        var area = (await Host.WorkshopDirectoryAsync()).Areas.First();
        await Host.Scenario(s =>
        {
            s.Post.Json(WorkshopSteps.RequestWithCoFinancing(slug, sessionId, area.Id, "export@example.nl", 1234.5m)).ToUrl("/api/workshops/bookings");
            s.StatusCodeShouldBe(201);
        });

        var result = await Host.Scenario(s => { s.Get.Url($"/api/workshops/bookings/export.csv?sessionId={sessionId}"); s.As(organiser); });
        Assert.StartsWith("text/csv", result.Context.Response.ContentType);
        var text = result.ReadAsText();
        using var csv = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), new CsvConfiguration(CultureInfo.GetCultureInfo("nl-NL")) { Delimiter = ";" });
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("export@example.nl", row["Email"]);
        Assert.Equal("2027-07-01 09:30", row["Sessie"]);
        Assert.Equal("bevestigd", row["Status"]);
        Assert.Equal("1234,5", row["CofinancieringGevraagd"]);

        foreach (var role in new[] { "funder", "editor" })
        {
            var cookie = await Host.LoginAsRoleAsync(role);
            (await Host.Scenario(s => { s.Get.Url("/api/workshops/bookings/export.csv"); s.As(cookie); s.StatusCodeShouldBe(403); })).ShouldBeProblem(403);
        }
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_as_a_formula_are_exported_as_text()
    {
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var slug = (await Host.DefineFormatAsync(organiser, "Formule " + Guid.NewGuid().ToString("N")[..6])).GetProperty("slug").GetString()!;
        var sessionId = Guid.Parse((await Host.ScheduleAsync(organiser, slug, "2027-09-01T09:30")).GetProperty("id").GetString()!);
        var area = (await Host.WorkshopDirectoryAsync()).Areas.First();
        var hostile = new[] { "=HYPERLINK(\"http://evil.example\",\"klik\")", "@SUM(1+1)", "+31 10 123", "-2+3" };
        // (Leading tabs and returns cannot reach a cell: names are trimmed when a request is received.)
        foreach (var (organisation, i) in hostile.Select((h, i) => (h, i)))
        {
            await Host.Scenario(s =>
            {
                s.Post.Json(new
                {
                    formatSlug = slug, sessionId, areaId = area.Id, organisation, contactName = i == 0 ? "@SUM(A1:A9)" : "Carla Contact",
                    contactEmail = $"formule{i}@example.nl", participants = 1, goals = "=1+1", coFinancing = false,
                }).ToUrl("/api/workshops/bookings");
                s.StatusCodeShouldBe(201);
            });
        }

        var text = (await Host.Scenario(s => { s.Get.Url($"/api/workshops/bookings/export.csv?sessionId={sessionId}"); s.As(organiser); })).ReadAsText();
        using var csv = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), new CsvConfiguration(CultureInfo.GetCultureInfo("nl-NL")) { Delimiter = ";" });
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        // Each cell starts with the spreadsheet's text mark, followed by the value exactly as entered.
        Assert.Equal(hostile.Select(h => "'" + h), rows.Select(r => (string)r["Organisatie"]));
        Assert.Equal("'@SUM(A1:A9)", rows[0]["Contactpersoon"]);
        Assert.Equal("Carla Contact", rows[1]["Contactpersoon"]);
        foreach (var cell in text.Split([';', '\n']))
        {
            Assert.False(cell.TrimStart('"').Length > 0 && "=+-@\t".Contains(cell.TrimStart('"')[0]), $"Cel begint met een formuleteken: {cell}");
        }
    }
}
