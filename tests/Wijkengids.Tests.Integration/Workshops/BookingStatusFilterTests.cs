using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Tests.Integration.Infrastructure;
using Wijkengids.Workshops.Bookings;

namespace Wijkengids.Tests.Integration.Workshops;

/// <summary>
/// Booking statuses are enums stored and published as their stable Dutch strings ("bevestigd"): Marten's LINQ compares
/// those, the API filters on them and documents them, and a wrong value is a Dutch 400 (docs/adr/0096).
/// </summary>
[Collection(SharedHosts.Workshops)]
public sealed class BookingStatusFilterTests(WorkshopsHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task Bookings_filtered_by_status_through_the_api_are_exactly_those_with_that_status()
    {
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var slug = (await Host.DefineFormatAsync(organiser, "Statusfilter " + Guid.NewGuid().ToString("N")[..6])).GetProperty("slug").GetString()!;
        var sessionId = Guid.Parse((await Host.ScheduleAsync(organiser, slug, "2027-09-08T13:30", capacity: 1)).GetProperty("id").GetString()!);
        var area = (await Host.WorkshopDirectoryAsync()).Areas.First();
        async Task<JsonElement> BookAsync(string email, Guid? session) => (await Host.Scenario(s =>
        {
            s.Post.Json(WorkshopSteps.Request(slug, session, area.Id, email)).ToUrl("/api/workshops/bookings");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        var tag = Guid.NewGuid().ToString("N")[..6];
        await BookAsync($"zeker-{tag}@example.nl", sessionId);
        await BookAsync($"wacht-{tag}@example.nl", sessionId);
        var cancelled = await BookAsync($"afgezegd-{tag}@example.nl", sessionId);
        await BookAsync($"open-{tag}@example.nl", null);
        await Host.Scenario(s =>
        {
            s.Post.Json(new { reason = "Het gebied ziet af van het werkatelier." }).ToUrl($"/api/workshops/bookings/{cancelled.GetProperty("id").GetString()}/cancel");
            s.As(organiser);
        });

        async Task<string[]> EmailsAsync(string status) =>
            (await Host.Scenario(s => { s.Get.Url($"/api/workshops/bookings?status={status}"); s.As(organiser); })).ReadAsJson<JsonElement[]>()
            .Where(b => b.GetProperty("contactEmail").GetString()!.EndsWith($"-{tag}@example.nl", StringComparison.Ordinal))
            .Select(b => $"{b.GetProperty("contactEmail").GetString()} {b.GetProperty("status").GetString()}").ToArray();
        Assert.Equal([$"zeker-{tag}@example.nl bevestigd"], await EmailsAsync("bevestigd"));
        Assert.Equal([$"wacht-{tag}@example.nl wachtlijst"], await EmailsAsync("wachtlijst"));
        Assert.Equal([$"afgezegd-{tag}@example.nl geannuleerd"], await EmailsAsync("geannuleerd"));
        Assert.Equal([$"open-{tag}@example.nl ontvangen"], await EmailsAsync("ontvangen"));

        // The CSV export filters the same way and shows the Dutch names.
        var csv = (await Host.Scenario(s =>
        {
            s.Get.Url($"/api/workshops/bookings/export.csv?sessionId={sessionId}&status=wachtlijst"); s.As(organiser);
        })).ReadAsText();
        Assert.Contains($"wacht-{tag}@example.nl", csv);
        Assert.DoesNotContain($"zeker-{tag}@example.nl", csv);
        Assert.Contains(";wachtlijst;", csv);

        // Anything but a stable string is a Dutch 400 that says which statuses there are.
        foreach (var wrong in new[] { "Confirmed", "1", "bevestigt" })
        {
            var problem = (await Host.Scenario(s =>
            {
                s.Get.Url($"/api/workshops/bookings?status={wrong}"); s.As(organiser);
                s.StatusCodeShouldBe(400);
            })).ShouldBeProblem(400);
            Assert.Equal($"Onbekende waarde ‘{wrong}’. Kies uit: ontvangen, bevestigd, wachtlijst of geannuleerd.",
                problem.GetProperty("errors").GetProperty("status")[0].GetString());
        }
    }

    [Fact]
    public async Task Linq_on_a_status_compares_the_stored_string_also_for_a_decision_that_may_be_null()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();

        var confirmed = session.Query<Booking>().Where(b => b.Status == BookingStatus.Confirmed).ToCommand();
        Assert.Contains("d.data ->> 'Status'", confirmed.CommandText);
        Assert.Contains(confirmed.Parameters, p => Equals(p.Value, "bevestigd"));
        var notCancelled = session.Query<Booking>().Where(b => b.Status != BookingStatus.Cancelled).ToCommand();
        Assert.Contains(notCancelled.Parameters, p => Equals(p.Value, "geannuleerd"));
        var granted = session.Query<Booking>().Where(b => b.CoFinancingDecision == CoFinancingStatus.Granted).ToCommand();
        Assert.Contains(granted.Parameters, p => Equals(p.Value, "toegekend"));
        var open = session.Query<Booking>().Where(b => b.CoFinancingDecision == null).ToCommand();
        Assert.Contains("is null", open.CommandText, StringComparison.OrdinalIgnoreCase);

        // The index on the status is the same text expression the queries use (not a cast to a number).
        var index = await session.QueryAsync<string>(
            "select indexdef from pg_indexes where schemaname = 'workshops' and tablename = 'mt_doc_booking' and indexdef like ?", "%Status%");
        Assert.Contains(index, i => i.Contains("->> 'Status'", StringComparison.Ordinal) && !i.Contains("integer", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_stable_strings_of_the_statuses()
    {
        var doc = (await Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsJson<JsonElement>();
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        string[] EnumOf(JsonElement schema) => schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToArray();

        // Bodies and responses: the enum's schema.
        Assert.Equal(["ontvangen", "bevestigd", "wachtlijst", "geannuleerd"], EnumOf(schemas.GetProperty("BookingStatus")));
        Assert.Equal(["open", "bezig", "gereed"], EnumOf(schemas.GetProperty("ActionStatus")));
        Assert.Equal(["draft", "in-review", "changes-requested", "approved", "published", "unpublished", "archived"],
            EnumOf(schemas.GetProperty("ItemStatus")));
        var status = schemas.GetProperty("BookingDetails").GetProperty("properties").GetProperty("status");
        Assert.Equal("#/components/schemas/BookingStatus", status.GetProperty("$ref").GetString());

        // Query parameters: the allowed values, with the filters' own words where there are some.
        JsonElement[] ParametersOf(string path) =>
            doc.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray().ToArray();
        var bookings = ParametersOf("/api/workshops/bookings").Single(p => p.GetProperty("name").GetString() == "status");
        Assert.Equal(["ontvangen", "bevestigd", "wachtlijst", "geannuleerd"], EnumOf(bookings.GetProperty("schema")));
        var proposals = ParametersOf("/api/contributions/moderation/proposals").Single(p => p.GetProperty("name").GetString() == "status");
        Assert.Equal(["ingediend", "meer-informatie", "geaccepteerd", "afgewezen", "samengevoegd", "open", "bezwaar", "alle"],
            EnumOf(proposals.GetProperty("schema")));
    }
}
