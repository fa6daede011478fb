using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.SharedKernel;
using Wijkengids.Tests.Integration.Community;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Workshops;

/// <summary>A host whose clock the tests move past a session (the plan van aanpak is recorded after it).</summary>
public sealed class ActionPlanFixture : HostFixture
{
    public ShiftableClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>The plan van aanpak: recorded by organisers after the session, kept up to date and published by the area's contact.</summary>
public sealed class ActionPlanTests(ActionPlanFixture fixture) : IClassFixture<ActionPlanFixture>
{
    private IAlbaHost Host => fixture.Host;

    private static object Plan(string due = "2027-06-01", long? expectedVersion = null, object[]? actions = null, string[]? lessons = null) => new
    {
        goals = new[] { "Meer bewoners doen mee aan de wijkaanpak", "Eén loket voor vragen over leefbaarheid" },
        actions = actions ?? [new { description = "Bewonersavond organiseren", owner = "Wijkteam Nieuwland", dueDate = due }],
        lessons = lessons ?? ["1.4"],
        expectedVersion,
        reason = "Uitkomst van het werkatelier",
    };

    [Fact]
    public async Task Only_organisers_record_a_plan_and_only_after_the_session_with_actor_reason_and_correlation()
    {
        var (organiser, booking, _) = await ConfirmedBookingAsync("Vastleggen", shiftPastSession: false);
        var id = booking.GetProperty("id").GetString();
        var tooEarly = await Host.Scenario(s => { s.Put.Json(Plan()).ToUrl($"/api/workshops/bookings/{id}/plan"); s.As(organiser); s.StatusCodeShouldBe(422); });
        Assert.Contains("na de sessie", tooEarly.ShouldBeProblem(422).GetProperty("detail").GetString());

        await ShiftPastSessionAsync(booking);
        organiser = await Host.LoginAsRoleAsync("organiser");
        (await Host.Scenario(s => { s.Put.Json(Plan()).ToUrl($"/api/workshops/bookings/{id}/plan"); s.StatusCodeShouldBe(401); })).ShouldBeProblem(401);
        foreach (var role in new[] { "contributor", "funder", "editor" })
        {
            var cookie = await Host.LoginAsRoleAsync(role);
            (await Host.Scenario(s => { s.Put.Json(Plan()).ToUrl($"/api/workshops/bookings/{id}/plan"); s.As(cookie); s.StatusCodeShouldBe(403); }))
                .ShouldBeProblem(403);
        }

        var recorded = (await Host.TrackedAsync(() => Host.Scenario(s =>
        {
            s.Put.Json(Plan()).ToUrl($"/api/workshops/bookings/{id}/plan"); s.As(organiser);
            s.WithRequestHeader(MetadataHeaders.CorrelationHttpHeader, "plan-vastleggen-1");
            s.StatusCodeShouldBe(200);
        }))).ReadAsJson<JsonElement>();
        Assert.Equal(1, recorded.GetProperty("version").GetInt64());
        Assert.Equal("open", recorded.GetProperty("actions")[0].GetProperty("status").GetString());
        Assert.False(recorded.GetProperty("published").GetBoolean());

        var last = await LastEventAsync(Guid.Parse(id!));
        Assert.Equal("ActionPlanRecorded", last.Data.GetType().Name);
        Assert.Equal(await AccountIdAsync(organiser), last.UserName);
        Assert.Equal("plan-vastleggen-1", last.CorrelationId);
        Assert.Equal("Uitkomst van het werkatelier", last.GetHeader(MetadataHeaders.Reason)?.ToString());

        // The contact is mailed the private link to the plan (once: not again for a revision).
        var email = booking.GetProperty("contactEmail").GetString()!;
        var mail = (await Host.ReceivedMailsAsync(email, 2))[1];
        Assert.StartsWith("Plan van aanpak vastgelegd: Vastleggen ", mail.Subject);
        MailHelpers.LinkTo(mail.Text, booking.GetProperty("statusUrl").GetString() + "/plan");

        // A revision keeps the status of kept actions; a stale version is refused.
        var actionId = recorded.GetProperty("actions")[0].GetProperty("id").GetString();
        var stale = await Host.Scenario(s => { s.Put.Json(Plan(expectedVersion: 0)).ToUrl($"/api/workshops/bookings/{id}/plan"); s.As(organiser); s.StatusCodeShouldBe(409); });
        Assert.Contains("intussen gewijzigd", stale.ShouldBeProblem(409).GetProperty("detail").GetString());
        JsonElement revised = default;
        await Host.TrackedAsync(async _ => revised = (await Host.Scenario(s =>
        {
            s.Put.Json(Plan(expectedVersion: 1, actions:
            [
                new { id = actionId, description = "Bewonersavond organiseren", owner = "Wijkteam Nieuwland", dueDate = "2027-07-01" },
                new { id = (string?)null, description = "Loket inrichten", owner = "Gemeente Schiedam", dueDate = "2028-01-15" },
            ])).ToUrl($"/api/workshops/bookings/{id}/plan"); s.As(organiser);
        })).ReadAsJson<JsonElement>());
        Assert.Equal(2, revised.GetProperty("version").GetInt64());
        Assert.Equal(actionId, revised.GetProperty("actions")[0].GetProperty("id").GetString());
        Assert.Equal(2, revised.GetProperty("actions").GetArrayLength());
        Assert.Equal("ActionPlanRevised", (await LastEventAsync(Guid.Parse(id!))).Data.GetType().Name);
        Assert.Equal(2, (await Host.MailsToAsync(email)).Count);
    }

    [Fact]
    public async Task Due_dates_goals_and_lessons_are_checked_and_only_a_confirmed_booking_gets_a_plan()
    {
        var (organiser, booking, _) = await ConfirmedBookingAsync("Streefdata");
        var id = booking.GetProperty("id").GetString();
        async Task<JsonElement> Refused(object body, int status) =>
            (await Host.Scenario(s => { s.Put.Json(body).ToUrl($"/api/workshops/bookings/{id}/plan"); s.As(organiser); s.StatusCodeShouldBe(status); }))
            .ShouldBeProblem(status);

        var before = await Refused(Plan(due: "2027-01-01"), 422);
        Assert.Contains("streefdatum", before.GetProperty("detail").GetString());
        Assert.Contains("5 jaar", (await Refused(Plan(due: "2035-01-01"), 422)).GetProperty("detail").GetString());
        await Refused(Plan(due: "2027-02-30"), 400);
        // Lessons and sections must be published parts of the guide, so the plan never links to a missing page.
        var unknown = (await Refused(Plan(lessons: ["1.4", "bestaat-niet", "9.9"]), 422)).GetProperty("detail").GetString();
        Assert.StartsWith("Niet gevonden in de gepubliceerde gids: bestaat-niet, 9.9.", unknown);
        var missing = await Refused(new
        {
            goals = Array.Empty<string>(), actions = new[] { new { description = "", owner = "", dueDate = (string?)null } }, lessons = new[] { "Geen Slug!" },
        }, 400);
        var messages = missing.GetProperty("errors").ToString();
        foreach (var expected in new[] { "Schrijf ten minste één doel op.", "Beschrijf elke actie.", "Geef bij elke actie aan wie haar oppakt.",
                     "Geef elke actie een geldige streefdatum.", "korte naam" })
        {
            Assert.Contains(expected, messages);
        }
        Assert.Contains("bestaat", (await Host.Scenario(s =>
        {
            s.Put.Json(Plan()).ToUrl($"/api/workshops/bookings/{Guid.NewGuid()}/plan"); s.As(organiser); s.StatusCodeShouldBe(404);
        })).ShouldBeProblem(404).GetProperty("detail").GetString());
        (await Host.Scenario(s => { s.Get.Url($"/api/workshops/bookings/{id}/plan"); s.As(organiser); s.StatusCodeShouldBe(404); })).ShouldBeProblem(404);

        // A request still waiting for a session has no plan.
        var area = (await Host.WorkshopDirectoryAsync()).Areas.First();
        var open = (await Host.Scenario(s =>
        {
            s.Post.Json(WorkshopSteps.Request(booking.GetProperty("formatSlug").GetString()!, null, area.Id, "wacht@example.nl")).ToUrl("/api/workshops/bookings");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        Assert.Contains("bevestigde boeking", (await Host.Scenario(s =>
        {
            s.Put.Json(Plan()).ToUrl($"/api/workshops/bookings/{open.GetProperty("id").GetString()}/plan"); s.As(organiser); s.StatusCodeShouldBe(422);
        })).ShouldBeProblem(422).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_contact_updates_action_status_only_of_their_own_plan_through_a_valid_link_or_their_account()
    {
        var contributor = await Host.LoginAsRoleAsync("contributor");
        var (organiser, mine, _) = await ConfirmedBookingAsync("Status", requester: contributor);
        var (_, other, _) = await ConfirmedBookingAsync("Status ander");
        contributor = await Host.LoginAsRoleAsync("contributor");
        var plan = await RecordAsync(organiser, mine);
        await RecordAsync(organiser, other);
        var actionId = plan.GetProperty("actions")[0].GetProperty("id").GetString();
        var token = Token(mine);

        var read = (await Host.Scenario(s => s.Get.Url($"/api/workshops/plans/link/{token}"))).ReadAsJson<JsonElement>();
        Assert.Equal(plan.GetProperty("goals").ToString(), read.GetProperty("goals").ToString());

        object Status(string status, long version = 1) => new { status, expectedVersion = version };
        (await Host.Scenario(s =>
        {
            s.Post.Json(Status("gereed")).ToUrl($"/api/workshops/plans/link/geraden-token/actions/{actionId}/status"); s.StatusCodeShouldBe(404);
        })).ShouldBeProblem(404);
        // Another area's link does not reach this plan's actions.
        (await Host.Scenario(s =>
        {
            s.Post.Json(Status("gereed")).ToUrl($"/api/workshops/plans/link/{Token(other)}/actions/{actionId}/status"); s.StatusCodeShouldBe(404);
        })).ShouldBeProblem(404);
        // A status is one of its stable strings: anything else (a word, a member name, a number) is a Dutch 400 that names them.
        foreach (var wrong in new object[] { "klaar", "InProgress", 1 })
        {
            var refused = (await Host.Scenario(s =>
            {
                s.Post.Json(new { status = wrong, expectedVersion = 1 }).ToUrl($"/api/workshops/plans/link/{token}/actions/{actionId}/status");
                s.StatusCodeShouldBe(400);
            })).ShouldBeProblem(400);
            Assert.Equal("Onbekende waarde. Kies uit: open, bezig of gereed.", refused.GetProperty("errors").GetProperty("status")[0].GetString());
        }
        var none = (await Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = 1 }).ToUrl($"/api/workshops/plans/link/{token}/actions/{actionId}/status"); s.StatusCodeShouldBe(400);
        })).ShouldBeProblem(400);
        Assert.Equal("Kies als status open, bezig of gereed.", none.GetProperty("errors").GetProperty("status")[0].GetString());
        (await Host.Scenario(s =>
        {
            s.Post.Json(Status("gereed", version: 7)).ToUrl($"/api/workshops/plans/link/{token}/actions/{actionId}/status"); s.StatusCodeShouldBe(409);
        })).ShouldBeProblem(409);

        var updated = (await Host.Scenario(s =>
        {
            s.Post.Json(Status("bezig")).ToUrl($"/api/workshops/plans/link/{token}/actions/{actionId}/status"); s.StatusCodeShouldBe(200);
        })).ReadAsJson<JsonElement>();
        Assert.Equal("bezig", updated.GetProperty("actions")[0].GetProperty("status").GetString());
        var changed = await LastEventAsync(mine.GetProperty("id").GetGuid());
        Assert.Equal("ActionStatusChanged", changed.Data.GetType().Name);
        Assert.Equal(await AccountIdAsync(contributor), changed.UserName);

        // Signed in: the account that made the request may, another account may not.
        var mineUrl = $"/api/workshops/my/plans/{mine.GetProperty("id").GetString()}/actions/{actionId}/status";
        (await Host.Scenario(s => { s.Post.Json(Status("gereed", 2)).ToUrl(mineUrl); s.StatusCodeShouldBe(401); })).ShouldBeProblem(401);
        (await Host.Scenario(s => { s.Post.Json(Status("gereed", 2)).ToUrl(mineUrl); s.As(organiser); s.StatusCodeShouldBe(403); })).ShouldBeProblem(403);
        var done = (await Host.Scenario(s => { s.Post.Json(Status("gereed", 2)).ToUrl(mineUrl); s.As(contributor); s.StatusCodeShouldBe(200); }))
            .ReadAsJson<JsonElement>();
        Assert.Equal("gereed", done.GetProperty("actions")[0].GetProperty("status").GetString());

        // The requester also finds the request and its plan in their account; nobody else does.
        var myBookings = (await Host.Scenario(s => { s.Get.Url("/api/workshops/my/bookings"); s.As(contributor); })).ReadAsJson<JsonElement[]>();
        var listed = Assert.Single(myBookings);
        Assert.Equal(mine.GetProperty("id").GetString(), listed.GetProperty("booking").GetProperty("id").GetString());
        Assert.True(listed.GetProperty("hasPlan").GetBoolean());
        Assert.Empty((await Host.Scenario(s => { s.Get.Url("/api/workshops/my/bookings"); s.As(organiser); })).ReadAsJson<JsonElement[]>());
        (await Host.Scenario(s => { s.Get.Url("/api/workshops/my/bookings"); s.StatusCodeShouldBe(401); })).ShouldBeProblem(401);

        // The other area's plan is untouched; an anonymous contact acts as the booking's data subject.
        var otherPlan = (await Host.Scenario(s => s.Get.Url($"/api/workshops/plans/link/{Token(other)}"))).ReadAsJson<JsonElement>();
        Assert.Equal("open", otherPlan.GetProperty("actions")[0].GetProperty("status").GetString());
        await Host.Scenario(s =>
        {
            s.Post.Json(Status("bezig")).ToUrl($"/api/workshops/plans/link/{Token(other)}/actions/{otherPlan.GetProperty("actions")[0].GetProperty("id").GetString()}/status");
        });
        var anonymous = await LastEventAsync(other.GetProperty("id").GetGuid());
        Assert.NotEqual(IRequestContext.SystemActor, anonymous.UserName);
    }

    [Fact]
    public async Task A_plan_is_on_the_area_page_only_while_the_contact_agrees()
    {
        var (organiser, booking, area) = await ConfirmedBookingAsync("Publiceren");
        await RecordAsync(organiser, booking);
        var token = Token(booking);
        var areaPlans = $"/api/workshops/areas/{area}/plans";

        Assert.Empty((await Host.Scenario(s => s.Get.Url(areaPlans))).ReadAsJson<JsonElement[]>());
        Assert.DoesNotContain("Bewonersavond organiseren", await AreaPageAsync(area));
        // Nobody but the contact gives consent: not the organiser.
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { consent = true }).ToUrl($"/api/workshops/my/plans/{booking.GetProperty("id").GetString()}/publication"); s.As(organiser);
            s.StatusCodeShouldBe(403);
        })).ShouldBeProblem(403);

        var consented = (await Host.Scenario(s =>
        {
            s.Post.Json(new { consent = true, expectedVersion = 1 }).ToUrl($"/api/workshops/plans/link/{token}/publication");
        })).ReadAsJson<JsonElement>();
        Assert.True(consented.GetProperty("published").GetBoolean());
        Assert.Equal("ActionPlanPublicationConsented", (await LastEventAsync(booking.GetProperty("id").GetGuid())).Data.GetType().Name);
        var published = Assert.Single((await Host.Scenario(s => s.Get.Url(areaPlans))).ReadAsJson<JsonElement[]>());
        Assert.Equal("Wijkteam Nieuwland", published.GetProperty("actions")[0].GetProperty("owner").GetString());
        var page = await AreaPageAsync(area);
        Assert.Contains("Bewonersavond organiseren", page);
        Assert.Contains("<a href=\"/gids/1.4\">1.4 Doel en samenstelling</a>", page);
        Assert.DoesNotContain("Carla Contact", page);

        await Host.Scenario(s => s.Post.Json(new { consent = false, reason = "Eerst met de wijkraad bespreken" }).ToUrl($"/api/workshops/plans/link/{token}/publication"));
        Assert.Empty((await Host.Scenario(s => s.Get.Url(areaPlans))).ReadAsJson<JsonElement[]>());
        Assert.DoesNotContain("Bewonersavond organiseren", await AreaPageAsync(area));
    }

    private async Task<string> AreaPageAsync(Guid area) =>
        await (await Host.Scenario(s => { s.Get.Url($"/gebieden/{area}"); s.StatusCodeShouldBe(200); })).ReadAsTextAsync();

    private async Task<JsonElement> RecordAsync(string organiser, JsonElement booking) =>
        (await Host.Scenario(s =>
        {
            s.Put.Json(Plan()).ToUrl($"/api/workshops/bookings/{booking.GetProperty("id").GetString()}/plan"); s.As(organiser);
            s.StatusCodeShouldBe(200);
        })).ReadAsJson<JsonElement>();

    /// <summary>
    /// A format, a session on 10 March 2027 and a confirmed booking for it (by <paramref name="requester"/> when given);
    /// then, unless asked not to, the clock moves to the day after the session and the organiser signs in again.
    /// </summary>
    private async Task<(string Organiser, JsonElement Booking, Guid Area)> ConfirmedBookingAsync(string title, string? requester = null,
        bool shiftPastSession = true)
    {
        fixture.Clock.Offset = TimeSpan.Zero;
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var slug = (await Host.DefineFormatAsync(organiser, title + " " + Guid.NewGuid().ToString("N")[..6])).GetProperty("slug").GetString()!;
        var sessionId = Guid.Parse((await Host.ScheduleAsync(organiser, slug, "2027-03-10T10:00")).GetProperty("id").GetString()!);
        var areas = (await Host.WorkshopDirectoryAsync()).Areas;
        var area = areas[title.Length % areas.Count].Id;
        var email = $"{Guid.NewGuid():N}@example.nl";
        var booking = (await Host.TrackedAsync(() => Host.Scenario(s =>
        {
            s.Post.Json(WorkshopSteps.Request(slug, sessionId, area, email)).ToUrl("/api/workshops/bookings");
            if (requester is not null) s.As(requester);
            s.StatusCodeShouldBe(201);
        }))).ReadAsJson<JsonElement>();
        Assert.Equal("bevestigd", booking.GetProperty("status").GetString());
        var withSlug = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["id"] = booking.GetProperty("id").GetString(), ["statusUrl"] = booking.GetProperty("statusUrl").GetString(),
            ["sessionStartsAt"] = booking.GetProperty("sessionStartsAt").GetDateTimeOffset(), ["formatSlug"] = slug, ["contactEmail"] = email,
        });
        if (!shiftPastSession) return (organiser, withSlug, area);
        await ShiftPastSessionAsync(withSlug);
        return (await Host.LoginAsRoleAsync("organiser"), withSlug, area);
    }

    private Task ShiftPastSessionAsync(JsonElement booking)
    {
        fixture.Clock.Offset = booking.GetProperty("sessionStartsAt").GetDateTimeOffset().AddDays(1) - DateTimeOffset.UtcNow;
        return Task.CompletedTask;
    }

    private async Task<JasperFx.Events.IEvent> LastEventAsync(Guid bookingId)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(bookingId)).Last();
    }

    private async Task<string> AccountIdAsync(string cookie) =>
        (await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); })).ReadAsJson<JsonElement>().GetProperty("id").GetString()!;

    private static string Token(JsonElement booking) => booking.GetProperty("statusUrl").GetString()!.Split('/').Last();
}
