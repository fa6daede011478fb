using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.SharedKernel;
using Wijkengids.Tests.Integration.Community;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Workshops;

/// <summary>Organisers move sessions (every booked area is told) and cancel them (only with a reason).</summary>
[Collection(SharedHosts.Workshops)]
public sealed class SessionManagementTests(WorkshopsHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task Moving_a_session_tells_every_booked_area_and_keeps_the_reason()
    {
        string placed = Unique.Email("geplaatst"), waiting = Unique.Email("wachtend"), elsewhereContact = Unique.Email("elders");
        var (organiser, slug, sessionId) = await SessionAsync("Verhuizen", capacity: 1);
        var area = (await Host.WorkshopDirectoryAsync()).Areas.First();
        await BookAsync(WorkshopSteps.Request(slug, sessionId, area.Id, placed));
        await BookAsync(WorkshopSteps.Request(slug, sessionId, area.Id, waiting));
        var elsewhere = Guid.Parse((await Host.ScheduleAsync(organiser, slug, "2027-05-19T10:00")).GetProperty("id").GetString()!);
        await BookAsync(WorkshopSteps.Request(slug, elsewhere, area.Id, elsewhereContact));

        var contributor = await Host.LoginAsRoleAsync("contributor");
        var move = new { startsAt = "2027-05-26T09:00", place = "Buurthuis De Brug", reason = "Het wijkcentrum is dicht." };
        (await Host.Scenario(s => { s.Post.Json(move).ToUrl($"/api/workshops/sessions/{sessionId}/move"); s.As(contributor); s.StatusCodeShouldBe(403); }))
            .ShouldBeProblem(403);
        Assert.Contains("toekomst", (await Host.Scenario(s =>
        {
            s.Post.Json(new { startsAt = "2020-01-01T10:00" }).ToUrl($"/api/workshops/sessions/{sessionId}/move"); s.As(organiser); s.StatusCodeShouldBe(422);
        })).ShouldBeProblem(422).GetProperty("detail").GetString());

        JsonElement moved = default;
        await Host.TrackedAsync(async _ =>
            moved = (await Host.Scenario(s => { s.Post.Json(move).ToUrl($"/api/workshops/sessions/{sessionId}/move"); s.As(organiser); }))
                .ReadAsJson<JsonElement>());
        Assert.Equal(new DateTimeOffset(2027, 5, 26, 7, 0, 0, TimeSpan.Zero), moved.GetProperty("startsAt").GetDateTimeOffset());
        foreach (var attendee in new[] { placed, waiting })
        {
            var mail = (await Host.ReceivedMailsAsync(attendee, 2))[1];
            Assert.StartsWith("Werkatelier verplaatst: ", mail.Subject);
            Assert.Contains("Wordt: 26 mei 2027 09:00", mail.Text);
            Assert.Contains("Buurthuis De Brug", mail.Text);
        }
        Assert.Single(await Host.MailsToAsync(elsewhereContact));

        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var rescheduled = (await session.Events.FetchStreamAsync(sessionId)).Last();
        Assert.Equal("SessionRescheduled", rescheduled.Data.GetType().Name);
        Assert.Equal("Het wijkcentrum is dicht.", rescheduled.GetHeader(MetadataHeaders.Reason)?.ToString());
    }

    [Fact]
    public async Task Cancelling_a_session_needs_a_reason_and_then_cancels_every_booking_with_it()
    {
        var contact = Unique.Email("afgelast");
        var (organiser, slug, sessionId) = await SessionAsync("Afgelast", capacity: 5);
        var area = (await Host.WorkshopDirectoryAsync()).Areas.First();
        var booking = await BookAsync(WorkshopSteps.Request(slug, sessionId, area.Id, contact));

        foreach (var body in new object[] { new { }, new { reason = "  " } })
        {
            var refused = await Host.Scenario(s => { s.Post.Json(body).ToUrl($"/api/workshops/sessions/{sessionId}/cancel"); s.As(organiser); s.StatusCodeShouldBe(400); });
            Assert.Contains("Geef een reden voor het annuleren.", refused.ShouldBeProblem(400).GetProperty("errors").ToString());
        }
        Assert.Single((await Host.Scenario(s => s.Get.Url($"/api/workshops/sessions?format={slug}"))).ReadAsJson<JsonElement[]>());
        Assert.Equal("bevestigd", (await StatusAsync(booking)).GetProperty("status").GetString());

        var cancelled = (await Host.TrackedAsync(() => Host.Scenario(s =>
        {
            s.Post.Json(new { reason = "De trainer is ziek." }).ToUrl($"/api/workshops/sessions/{sessionId}/cancel"); s.As(organiser);
        }))).ReadAsJson<JsonElement>();
        Assert.True(cancelled.GetProperty("cancelled").GetBoolean());
        Assert.Empty((await Host.Scenario(s => s.Get.Url($"/api/workshops/sessions?format={slug}"))).ReadAsJson<JsonElement[]>());
        var status = await StatusAsync(booking);
        Assert.Equal("geannuleerd", status.GetProperty("status").GetString());
        Assert.Equal("De trainer is ziek.", status.GetProperty("cancelReason").GetString());
        var mail = (await Host.ReceivedMailsAsync(contact, 2))[1];
        Assert.StartsWith("Werkatelier geannuleerd: ", mail.Subject);
        Assert.Contains("Reden: De trainer is ziek.", mail.Text);
    }

    private async Task<(string Organiser, string Slug, Guid SessionId)> SessionAsync(string title, int capacity)
    {
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var slug = (await Host.DefineFormatAsync(organiser, title + " " + Guid.NewGuid().ToString("N")[..6])).GetProperty("slug").GetString()!;
        var sessionId = Guid.Parse((await Host.ScheduleAsync(organiser, slug, "2027-05-12T10:00", capacity)).GetProperty("id").GetString()!);
        return (organiser, slug, sessionId);
    }

    /// <summary>Requests a booking and waits until every mail the request sends has been delivered.</summary>
    private async Task<JsonElement> BookAsync(object request) =>
        (await Host.TrackedAsync(() => Host.Scenario(s => { s.Post.Json(request).ToUrl("/api/workshops/bookings"); s.StatusCodeShouldBe(201); })))
        .ReadAsJson<JsonElement>();

    private async Task<JsonElement> StatusAsync(JsonElement booking) =>
        (await Host.Scenario(s => s.Get.Url($"/api/workshops/bookings/status/{booking.GetProperty("statusUrl").GetString()!.Split('/').Last()}")))
        .ReadAsJson<JsonElement>();
}
