using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Contracts;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Workshops;

[Collection(SharedHosts.Workshops)]
public sealed class WorkshopTests(WorkshopsHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task Two_hundred_concurrent_requests_for_twenty_places_confirm_exactly_twenty_and_wait_list_the_rest_in_order()
    {
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var format = await Host.DefineFormatAsync(organiser, "Drukte in de wijk " + Guid.NewGuid().ToString("N")[..6]);
        var slug = format.GetProperty("slug").GetString()!;
        var scheduled = await Host.ScheduleAsync(organiser, slug, "2027-05-12T10:00", capacity: 20);
        var sessionId = Guid.Parse(scheduled.GetProperty("id").GetString()!);
        var area = (await Host.WorkshopDirectoryAsync()).Areas.First();

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Host.Scenario(s =>
        {
            s.Post.Json(WorkshopSteps.Request(slug, sessionId, area.Id, $"aanvrager{i}@example.nl")).ToUrl("/api/workshops/bookings");
            s.IgnoreStatusCode();
        })));
        Assert.All(results, r => Assert.Equal(201, r.Context.Response.StatusCode));

        var bookings = (await Host.Scenario(s => { s.Get.Url($"/api/workshops/bookings?sessionId={sessionId}"); s.As(organiser); }))
            .ReadAsJson<JsonElement[]>();
        Assert.Equal(200, bookings.Length);
        Assert.Equal(20, bookings.Count(b => b.GetProperty("status").GetString() == "bevestigd"));
        var waiting = bookings.Where(b => b.GetProperty("status").GetString() == "wachtlijst").ToList();
        Assert.Equal(180, waiting.Count);
        Assert.Equal(Enumerable.Range(1, 180), waiting.Select(b => b.GetProperty("waitListPosition").GetInt32()).Order());

        var session = Assert.Single((await Host.Scenario(s => s.Get.Url($"/api/workshops/sessions?format={slug}"))).ReadAsJson<JsonElement[]>());
        Assert.Equal(0, session.GetProperty("freePlaces").GetInt32());
        Assert.Equal(180, session.GetProperty("waitListLength").GetInt32());
    }

    [Fact]
    public async Task Cancelling_a_confirmed_booking_promotes_the_first_on_the_wait_list()
    {
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var slug = (await Host.DefineFormatAsync(organiser, "Klein atelier " + Guid.NewGuid().ToString("N")[..6])).GetProperty("slug").GetString()!;
        var sessionId = Guid.Parse((await Host.ScheduleAsync(organiser, slug, "2027-06-02T13:30", capacity: 2)).GetProperty("id").GetString()!);
        var area = (await Host.WorkshopDirectoryAsync()).Areas.First();

        async Task<JsonElement> Book(string email) => (await Host.Scenario(s =>
        {
            s.Post.Json(WorkshopSteps.Request(slug, sessionId, area.Id, email)).ToUrl("/api/workshops/bookings");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        var first = await Book("een@example.nl");
        await Book("twee@example.nl");
        var third = await Book("drie@example.nl");
        var fourth = await Book("vier@example.nl");
        Assert.Equal("wachtlijst", third.GetProperty("status").GetString());
        Assert.Equal(1, third.GetProperty("waitListPosition").GetInt32());
        Assert.Equal(2, fourth.GetProperty("waitListPosition").GetInt32());

        var noReason = await Host.Scenario(s =>
        {
            s.Post.Json(new { }).ToUrl($"/api/workshops/bookings/{first.GetProperty("id").GetString()}/cancel"); s.As(organiser);
            s.StatusCodeShouldBe(400);
        });
        noReason.ShouldBeProblem(400);
        await Host.Scenario(s =>
        {
            s.Post.Json(new { reason = "gemeente trekt zich terug" }).ToUrl($"/api/workshops/bookings/{first.GetProperty("id").GetString()}/cancel");
            s.As(organiser);
        });

        var promoted = (await Host.Scenario(s => s.Get.Url($"/api/workshops/bookings/status/{Token(third)}"))).ReadAsJson<JsonElement>();
        Assert.Equal("bevestigd", promoted.GetProperty("status").GetString());
        var stillWaiting = (await Host.Scenario(s => s.Get.Url($"/api/workshops/bookings/status/{Token(fourth)}"))).ReadAsJson<JsonElement>();
        Assert.Equal("wachtlijst", stillWaiting.GetProperty("status").GetString());
        Assert.Equal(1, stillWaiting.GetProperty("waitListPosition").GetInt32());
    }

    [Fact]
    public async Task Session_times_are_amsterdam_local_in_and_utc_stored_across_summer_time()
    {
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var slug = (await Host.DefineFormatAsync(organiser, "Tijdzones " + Guid.NewGuid().ToString("N")[..6])).GetProperty("slug").GetString()!;
        var winter = await Host.ScheduleAsync(organiser, slug, "2027-03-04T14:00");
        var summer = await Host.ScheduleAsync(organiser, slug, "2027-07-01T14:00");
        Assert.Equal(new DateTimeOffset(2027, 3, 4, 13, 0, 0, TimeSpan.Zero), winter.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2027, 7, 1, 12, 0, 0, TimeSpan.Zero), summer.GetProperty("startsAt").GetDateTimeOffset());

        var gap = await Host.Scenario(s =>
        {
            s.Post.Json(new { formatSlug = slug, startsAt = "2027-03-28T02:30", place = "Schiedam" }).ToUrl("/api/workshops/sessions"); s.As(organiser);
            s.StatusCodeShouldBe(422);
        });
        Assert.Contains("zomertijd", gap.ShouldBeProblem(422).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_request_without_a_session_waits_for_an_organiser_to_assign_one()
    {
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var slug = (await Host.DefineFormatAsync(organiser, "Op aanvraag " + Guid.NewGuid().ToString("N")[..6])).GetProperty("slug").GetString()!;
        var area = (await Host.WorkshopDirectoryAsync()).Areas.First();
        var request = (await Host.Scenario(s =>
        {
            s.Post.Json(WorkshopSteps.Request(slug, null, area.Id, "later@example.nl", participants: 12)).ToUrl("/api/workshops/bookings");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        Assert.Equal("ontvangen", request.GetProperty("status").GetString());

        var sessionId = (await Host.ScheduleAsync(organiser, slug, "2027-09-15T09:30")).GetProperty("id").GetString();
        var assigned = (await Host.Scenario(s =>
        {
            s.Post.Json(new { sessionId, expectedVersion = request.GetProperty("version").GetInt64() })
                .ToUrl($"/api/workshops/bookings/{request.GetProperty("id").GetString()}/assign"); s.As(organiser);
        })).ReadAsJson<JsonElement>();
        Assert.Equal("bevestigd", assigned.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_requests_get_dutch_problems_and_only_organisers_manage()
    {
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var slug = (await Host.DefineFormatAsync(organiser, "Regels " + Guid.NewGuid().ToString("N")[..6])).GetProperty("slug").GetString()!;
        var area = (await Host.WorkshopDirectoryAsync()).Areas.First();
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { formatSlug = slug, areaId = area.Id, organisation = "", contactName = "", contactEmail = "x", participants = 0, goals = "",
                coFinancing = true }).ToUrl("/api/workshops/bookings");
            s.StatusCodeShouldBe(400);
        });
        var errors = result.ShouldBeProblem(400).GetProperty("errors");
        Assert.Equal("Vul het gevraagde bedrag voor cofinanciering in.", errors.GetProperty("coFinancingAmount")[0].GetString());
        Assert.Equal("Kies een sessie of geef uw voorkeursdata op.", errors.GetProperty("preferredDates")[0].GetString());

        (await Host.Scenario(s =>
        {
            s.Post.Json(WorkshopSteps.Request(slug, null, Guid.NewGuid(), "onbekend@example.nl")).ToUrl("/api/workshops/bookings");
            s.StatusCodeShouldBe(422);
        })).ShouldBeProblem(422);
        (await Host.Scenario(s => { s.Get.Url("/api/workshops/bookings/status/bestaat-niet"); s.StatusCodeShouldBe(404); })).ShouldBeProblem(404);

        // A format draws on published lessons and sections only: its page never links to a missing one.
        var format = new { title = "Met onbekende les", description = "x", durationMinutes = 60, participantsPerSession = 10, price = 0m,
            lessons = new[] { "1.4", "geen-les-van-de-gids" } };
        Assert.Contains("geen-les-van-de-gids", (await Host.Scenario(s =>
        {
            s.Post.Json(format).ToUrl("/api/workshops/formats"); s.As(organiser); s.StatusCodeShouldBe(422);
        })).ShouldBeProblem(422).GetProperty("detail").GetString());
        var unknownTheme = (await Host.Scenario(s =>
        {
            s.Post.Json(new { title = "Met onbekend thema", description = "x", durationMinutes = 60, participantsPerSession = 10, price = 0m,
                themes = new[] { "wonen", "ruimtevaart" } }).ToUrl("/api/workshops/formats"); s.As(organiser); s.StatusCodeShouldBe(422);
        })).ShouldBeProblem(422).GetProperty("detail").GetString();
        Assert.StartsWith("Onbekend thema: ruimtevaart. De gids kent: ", unknownTheme);
        var page = (await Host.Scenario(s => s.Get.Url($"/werkateliers/{slug}"))).ReadAsText();
        Assert.Contains("<a href=\"/gids/1.4\">1.4 Doel en samenstelling</a>", page);
        Assert.Contains("<a href=\"/themas/participatie\">", page);

        foreach (var role in new[] { "editor", "contributor", "funder", "auditor" })
        {
            var cookie = await Host.LoginAsRoleAsync(role);
            (await Host.Scenario(s => { s.Get.Url("/api/workshops/bookings"); s.As(cookie); s.StatusCodeShouldBe(403); })).ShouldBeProblem(403);
        }
        (await Host.Scenario(s => { s.Get.Url("/api/workshops/bookings"); s.StatusCodeShouldBe(401); })).ShouldBeProblem(401);
    }

    private static string Token(JsonElement booking) => booking.GetProperty("statusUrl").GetString()!.Split('/').Last();
}
