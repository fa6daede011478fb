using System.Text.Json;
using Alba;
using Wijkengids.Tests.Integration.Community;
using Wijkengids.Tests.Integration.Infrastructure;
using Wijkengids.Workshops.Contracts;

namespace Wijkengids.Tests.Integration.Workshops;

/// <summary>Community mails the contact of an area for every Workshops contract message, once per message.</summary>
[Collection(SharedHosts.Workshops)]
public sealed class WorkshopMailTests(WorkshopsHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    /// <summary>Requests a booking and waits until every mail the request sends has been delivered.</summary>
    private async Task<JsonElement> RequestAsync(object request) =>
        (await Host.TrackedAsync(() => Host.Scenario(s => { s.Post.Json(request).ToUrl("/api/workshops/bookings"); s.StatusCodeShouldBe(201); })))
        .ReadAsJson<JsonElement>();

    [Fact]
    public async Task Every_step_of_a_booking_reaches_the_contact_by_mail_once()
    {
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var slug = (await Host.DefineFormatAsync(organiser, "Post " + Guid.NewGuid().ToString("N")[..6])).GetProperty("slug").GetString()!;
        var sessionId = Guid.Parse((await Host.ScheduleAsync(organiser, slug, "2027-04-07T10:00", capacity: 1)).GetProperty("id").GetString()!);
        var area = (await Host.WorkshopDirectoryAsync()).Areas.First();
        string first = Unique.Email("eerste"), second = Unique.Email("tweede");

        var confirmed = await RequestAsync(WorkshopSteps.RequestWithCoFinancing(slug, sessionId, area.Id, first, 1200m));
        await RequestAsync(WorkshopSteps.Request(slug, sessionId, area.Id, second));
        var mail = Assert.Single(await Host.ReceivedMailsAsync(first, 1));
        Assert.StartsWith("Werkatelier bevestigd: Post ", mail.Subject);
        Assert.Contains("7 april 2027 10:00", mail.Text);
        Assert.Contains("Wijkcentrum Nieuwland, Schiedam", mail.Text);
        Assert.Contains("http://", MailHelpers.LinkTo(mail.Text, confirmed.GetProperty("statusUrl").GetString()!));
        var waiting = Assert.Single(await Host.ReceivedMailsAsync(second, 1));
        Assert.StartsWith("Op de wachtlijst: Post ", waiting.Subject);
        Assert.Contains("plaats 1 van de wachtlijst", waiting.Text);

        // Moving the session tells both (summer time: 14:30 in Amsterdam).
        await Host.TrackedAsync(_ => Host.Scenario(s =>
        {
            s.Post.Json(new { startsAt = "2027-04-14T14:30", reason = "zaal niet beschikbaar" }).ToUrl($"/api/workshops/sessions/{sessionId}/move"); s.As(organiser);
            s.StatusCodeShouldBe(200);
        }));
        var moved = (await Host.ReceivedMailsAsync(first, 2))[1];
        Assert.StartsWith("Werkatelier verplaatst: ", moved.Subject);
        Assert.Contains("Was: 7 april 2027 10:00", moved.Text);
        Assert.Contains("Wordt: 14 april 2027 14:30", moved.Text);
        Assert.StartsWith("Werkatelier verplaatst: ", (await Host.ReceivedMailsAsync(second, 2))[1].Subject);

        // Co-financing decided, then the confirmed booking cancelled: the wait list moves up.
        var funder = await Host.LoginAsRoleAsync("funder");
        await Host.TrackedAsync(_ => Host.Scenario(s =>
        {
            s.Post.Json(new { grant = true, amount = 1000m }).ToUrl($"/api/workshops/bookings/{confirmed.GetProperty("id").GetString()}/co-financing"); s.As(funder);
            s.StatusCodeShouldBe(200);
        }));
        var granted = (await Host.ReceivedMailsAsync(first, 3))[2];
        Assert.Equal("Cofinanciering toegekend", granted.Subject);
        Assert.Contains("1.000,00", granted.Text);
        await Host.TrackedAsync(_ => Host.Scenario(s =>
        {
            s.Post.Json(new { reason = "Het gebied stelt het werkatelier uit." }).ToUrl($"/api/workshops/bookings/{confirmed.GetProperty("id").GetString()}/cancel");
            s.As(organiser);
            s.StatusCodeShouldBe(200);
        }));
        var cancelled = (await Host.ReceivedMailsAsync(first, 4))[3];
        Assert.StartsWith("Werkatelier geannuleerd: ", cancelled.Subject);
        Assert.Contains("Reden: Het gebied stelt het werkatelier uit.", cancelled.Text);
        var promoted = (await Host.ReceivedMailsAsync(second, 3))[2];
        Assert.StartsWith("Er is plaats: werkatelier ", promoted.Subject);
        Assert.Contains("14 april 2027 14:30", promoted.Text);

        // Every step above was waited for until all it caused was handled: no second mail can still be on its way.
        Assert.Equal(4, (await Host.MailsToAsync(first)).Count);
        Assert.Equal(3, (await Host.MailsToAsync(second)).Count);
    }

    [Fact]
    public async Task A_redelivered_message_sends_no_second_mail_and_an_erased_contact_gets_none()
    {
        var rik = Unique.Email("rik");
        var decided = new CoFinancingDecided(Guid.NewGuid(), false, 900m, null, "Buiten de regeling.", "Rik Regel", rik,
            "/werkateliers/aanvraag/abc", DateTimeOffset.UtcNow);
        await Host.PublishAndWaitAsync(decided);
        await Host.PublishAndWaitAsync(decided);
        var mail = Assert.Single(await Host.MailsToAsync(rik));
        Assert.Equal("Cofinanciering afgewezen", mail.Subject);
        Assert.Contains("Reden: Buiten de regeling.", mail.Text);
        Assert.Contains("Beste Rik Regel", mail.Text);

        await Host.PublishAndWaitAsync(new BookingCancelled(Guid.NewGuid(), null, "Atelier", "Gewist", "[gewist]", "", "/werkateliers/aanvraag/x", DateTimeOffset.UtcNow));
        // A later, different message to the same contact is a new mail.
        await Host.PublishAndWaitAsync(decided with { At = decided.At.AddMinutes(1) });
        Assert.Equal(2, (await Host.MailsToAsync(rik)).Count);
        Assert.Empty(await Host.MailsToAsync(""));
    }
}
