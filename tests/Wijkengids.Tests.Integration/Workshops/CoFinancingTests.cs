using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Workshops;

[Collection(SharedHosts.Workshops)]
public sealed class CoFinancingTests(WorkshopsHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    /// <summary>A confirmed booking with co-financing asked for, in a session in 2027.</summary>
    private async Task<JsonElement> RequestAsync(decimal amount)
    {
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var slug = (await Host.DefineFormatAsync(organiser, "Cofinanciering " + Guid.NewGuid().ToString("N")[..6])).GetProperty("slug").GetString()!;
        var sessionId = Guid.Parse((await Host.ScheduleAsync(organiser, slug, "2027-10-06T10:00")).GetProperty("id").GetString()!);
        var area = (await Host.WorkshopDirectoryAsync()).Areas.First();
        return (await Host.Scenario(s =>
        {
            s.Post.Json(WorkshopSteps.RequestWithCoFinancing(slug, sessionId, area.Id, $"cofi-{Guid.NewGuid():N}@example.nl", amount))
                .ToUrl("/api/workshops/bookings");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
    }

    private Task<IScenarioResult> DecideAsync(string cookie, JsonElement booking, object decision, int status, string? correlation = null) =>
        Host.Scenario(s =>
        {
            s.Post.Json(decision).ToUrl($"/api/workshops/bookings/{booking.GetProperty("id").GetString()}/co-financing");
            s.As(cookie);
            if (correlation is not null) s.WithRequestHeader("X-Correlation-Id", correlation);
            s.StatusCodeShouldBe(status);
        });

    private async Task<JsonElement> StatusAsync(JsonElement booking) =>
        (await Host.Scenario(s => s.Get.Url($"/api/workshops/bookings/status/{booking.GetProperty("statusUrl").GetString()!.Split('/').Last()}")))
        .ReadAsJson<JsonElement>();

    private async Task<JsonElement> OverviewAsync(string funder) =>
        (await Host.Scenario(s => { s.Get.Url("/api/workshops/co-financing"); s.As(funder); })).ReadAsJson<JsonElement>();

    private static (decimal Requested, decimal Granted, int Open, int GrantedCount, int RefusedCount) Delta(JsonElement before, JsonElement after,
        string table, string key)
    {
        (decimal, decimal, int, int, int) Row(JsonElement overview) =>
            overview.GetProperty(table).EnumerateArray().Where(t => t.GetProperty("key").GetString() == key)
                .Select(t => (t.GetProperty("requested").GetDecimal(), t.GetProperty("granted").GetDecimal(), t.GetProperty("open").GetInt32(),
                    t.GetProperty("grantedCount").GetInt32(), t.GetProperty("refusedCount").GetInt32()))
                .SingleOrDefault();
        var (b, a) = (Row(before), Row(after));
        return (a.Item1 - b.Item1, a.Item2 - b.Item2, a.Item3 - b.Item3, a.Item4 - b.Item4, a.Item5 - b.Item5);
    }

    [Fact]
    public async Task Only_funders_decide_and_see_the_overview()
    {
        var booking = await RequestAsync(2000m);
        foreach (var role in new[] { "editor", "contributor", "organiser", "auditor" })
        {
            var cookie = await Host.LoginAsRoleAsync(role);
            (await DecideAsync(cookie, booking, new { grant = true, amount = 100m }, 403)).ShouldBeProblem(403);
            (await Host.Scenario(s => { s.Get.Url("/api/workshops/co-financing"); s.As(cookie); s.StatusCodeShouldBe(403); })).ShouldBeProblem(403);
        }
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { grant = true, amount = 100m }).ToUrl($"/api/workshops/bookings/{booking.GetProperty("id").GetString()}/co-financing");
            s.StatusCodeShouldBe(401);
        })).ShouldBeProblem(401);
        Assert.Equal(JsonValueKind.Null, (await StatusAsync(booking)).GetProperty("coFinancingDecision").ValueKind);

        var funder = await Host.LoginAsRoleAsync("funder");
        var decided = (await DecideAsync(funder, booking, new { grant = true, amount = 100m }, 200)).ReadAsJson<JsonElement>();
        Assert.Equal("toegekend", decided.GetProperty("coFinancingDecision").GetString());
    }

    [Fact]
    public async Task A_grant_is_at_most_the_requested_amount_once_and_the_requester_and_organiser_see_it()
    {
        var booking = await RequestAsync(2000m);
        var funder = await Host.LoginAsRoleAsync("funder");
        var tooMuch = (await DecideAsync(funder, booking, new { grant = true, amount = 2000.01m }, 422)).ShouldBeProblem(422);
        Assert.Contains("niet hoger zijn dan het gevraagde bedrag", tooMuch.GetProperty("detail").GetString());
        Assert.Equal(JsonValueKind.Null, (await StatusAsync(booking)).GetProperty("coFinancingDecision").ValueKind);
        (await DecideAsync(funder, booking, new { grant = true, amount = 0m }, 400)).ShouldBeProblem(400);

        var correlation = "cofi-" + Guid.NewGuid().ToString("N");
        var granted = (await DecideAsync(funder, booking, new { grant = true, amount = 1500m, expectedVersion = booking.GetProperty("version").GetInt64() },
            200, correlation)).ReadAsJson<JsonElement>();
        Assert.Equal(1500m, granted.GetProperty("coFinancingGranted").GetDecimal());
        (await DecideAsync(funder, booking, new { grant = false, reason = "toch niet" }, 409)).ShouldBeProblem(409);

        var status = await StatusAsync(booking);
        Assert.Equal("toegekend", status.GetProperty("coFinancingDecision").GetString());
        Assert.Equal(1500m, status.GetProperty("coFinancingGranted").GetDecimal());
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var seen = (await Host.Scenario(s => { s.Get.Url($"/api/workshops/bookings/{booking.GetProperty("id").GetString()}"); s.As(organiser); }))
            .ReadAsJson<JsonElement>();
        Assert.Equal(1500m, seen.GetProperty("coFinancingGranted").GetDecimal());
        var page = (await Host.Scenario(s => s.Get.Url(booking.GetProperty("statusUrl").GetString()!))).ReadAsText();
        Assert.Contains("toegekend: ", page);
        Assert.Contains("1.500,00", page);

        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(Guid.Parse(booking.GetProperty("id").GetString()!));
        var decision = Assert.Single(events, e => e.EventType.Name == "CoFinancingGranted");
        Assert.Equal(correlation, decision.CorrelationId);
        Assert.False(string.IsNullOrEmpty(decision.UserName));
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_and_the_totals_count_per_year_and_area()
    {
        var funderFirst = await Host.LoginAsRoleAsync("funder");
        var before = await OverviewAsync(funderFirst);
        var refused = await RequestAsync(800m);
        var granted = await RequestAsync(3000m);
        var open = await RequestAsync(450m);
        var funder = await Host.LoginAsRoleAsync("funder");

        var problem = (await DecideAsync(funder, refused, new { grant = false, reason = " " }, 400)).ShouldBeProblem(400);
        Assert.Equal("Geef een reden voor het afwijzen.", problem.GetProperty("errors").GetProperty("reason")[0].GetString());
        var decided = (await DecideAsync(funder, refused, new { grant = false, reason = "Het gebied valt buiten de regeling." }, 200)).ReadAsJson<JsonElement>();
        Assert.Equal("afgewezen", decided.GetProperty("coFinancingDecision").GetString());
        Assert.Equal("Het gebied valt buiten de regeling.", (await StatusAsync(refused)).GetProperty("coFinancingReason").GetString());
        await DecideAsync(funder, granted, new { grant = true, amount = 2500m }, 200);

        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var events = await session.Events.FetchStreamAsync(Guid.Parse(refused.GetProperty("id").GetString()!));
            Assert.Equal("Het gebied valt buiten de regeling.", Assert.Single(events, e => e.EventType.Name == "CoFinancingRefused").Headers!["reason"]?.ToString());
        }

        // Other tests of this class share the database: compare with the totals before.
        var after = await OverviewAsync(funder);
        var areaName = refused.GetProperty("areaName").GetString()!;
        Assert.Equal((800m + 3000m + 450m, 2500m, 1, 1, 1), Delta(before, after, "perYear", "2027"));
        Assert.Equal((800m + 3000m + 450m, 2500m, 1, 1, 1), Delta(before, after, "perArea", areaName));

        var page = (await Host.Scenario(s => { s.Get.Url("/werkateliers/financiering"); s.As(funder); })).ReadAsText();
        Assert.Contains("Per gebied", page);
        Assert.Contains("2.500,00", page);
        Assert.Contains(open.GetProperty("id").GetString()!, page);
    }

    [Fact]
    public async Task A_request_without_co_financing_cannot_be_decided()
    {
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var slug = (await Host.DefineFormatAsync(organiser, "Zonder geld " + Guid.NewGuid().ToString("N")[..6])).GetProperty("slug").GetString()!;
        var area = (await Host.WorkshopDirectoryAsync()).Areas.First();
        var booking = (await Host.Scenario(s =>
        {
            s.Post.Json(WorkshopSteps.Request(slug, null, area.Id, "geen-geld@example.nl")).ToUrl("/api/workshops/bookings");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        var funder = await Host.LoginAsRoleAsync("funder");
        (await DecideAsync(funder, booking, new { grant = true, amount = 10m }, 422)).ShouldBeProblem(422);
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { grant = true, amount = 10m }).ToUrl($"/api/workshops/bookings/{Guid.NewGuid()}/co-financing"); s.As(funder);
            s.StatusCodeShouldBe(404);
        })).ShouldBeProblem(404);
    }

    [Fact]
    public async Task A_cancelled_request_leaves_the_queue_and_the_totals_cannot_be_decided_and_keeps_its_decision_in_history()
    {
        var funder = await Host.LoginAsRoleAsync("funder");
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var before = await OverviewAsync(funder);
        var undecided = await RequestAsync(700m);
        var granted = await RequestAsync(900m);
        await DecideAsync(funder, granted, new { grant = true, amount = 600m }, 200);
        foreach (var booking in new[] { undecided, granted })
        {
            await Host.Scenario(s =>
            {
                s.Post.Json(new { reason = "Het gebied ziet af van het werkatelier." }).ToUrl($"/api/workshops/bookings/{booking.GetProperty("id").GetString()}/cancel");
                s.As(organiser);
                s.StatusCodeShouldBe(200);
            });
        }

        var problem = (await DecideAsync(funder, undecided, new { grant = true, amount = 100m }, 409)).ShouldBeProblem(409);
        Assert.Equal("Deze aanvraag is geannuleerd; over de cofinanciering wordt niet meer besloten.", problem.GetProperty("detail").GetString());
        (await DecideAsync(funder, undecided, new { grant = false, reason = "te laat" }, 409)).ShouldBeProblem(409);
        Assert.Equal(JsonValueKind.Null, (await StatusAsync(undecided)).GetProperty("coFinancingDecision").ValueKind);
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var undecidedEvents = await session.Events.FetchStreamAsync(Guid.Parse(undecided.GetProperty("id").GetString()!));
            Assert.DoesNotContain(undecidedEvents, e => e.EventType.Name.StartsWith("CoFinancing", StringComparison.Ordinal));
            // The grant stays in the history, followed by the cancellation.
            var grantedEvents = await session.Events.FetchStreamAsync(Guid.Parse(granted.GetProperty("id").GetString()!));
            Assert.Equal(["CoFinancingGranted", "BookingCancelled"],
                grantedEvents.Select(e => e.EventType.Name).Where(n => n is "CoFinancingGranted" or "BookingCancelled"));
        }

        var after = await OverviewAsync(funder);
        Assert.Equal((0m, 0m, 0, 0, 0), Delta(before, after, "perYear", "2027"));
        Assert.Equal((0m, 0m, 0, 0, 0), Delta(before, after, "perArea", undecided.GetProperty("areaName").GetString()!));
        (int, decimal) Cancelled(JsonElement overview) => overview.GetProperty("perYear").EnumerateArray()
            .Where(t => t.GetProperty("key").GetString() == "2027")
            .Select(t => (t.GetProperty("cancelledCount").GetInt32(), t.GetProperty("lapsed").GetDecimal())).SingleOrDefault();
        Assert.Equal((Cancelled(before).Item1 + 2, Cancelled(before).Item2 + 600m), Cancelled(after));

        var queue = after.GetProperty("queue").EnumerateArray().Select(b => b.GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain(undecided.GetProperty("id").GetString(), queue);
        var kept = Assert.Single(after.GetProperty("requests").EnumerateArray(), b => b.GetProperty("id").GetString() == granted.GetProperty("id").GetString());
        Assert.Equal("toegekend", kept.GetProperty("coFinancingDecision").GetString());
        Assert.Equal("geannuleerd", kept.GetProperty("status").GetString());

        var page = (await Host.Scenario(s => { s.Get.Url("/werkateliers/financiering"); s.As(funder); })).ReadAsText();
        Assert.DoesNotContain($"cofi-{undecided.GetProperty("id").GetString()}", page);
        Assert.Contains("toegekend € 600,00 (vervallen)", page);
        var statusPage = (await Host.Scenario(s => s.Get.Url(granted.GetProperty("statusUrl").GetString()!))).ReadAsText();
        Assert.Contains("(vervallen: de aanvraag is geannuleerd)", statusPage);
    }
}
