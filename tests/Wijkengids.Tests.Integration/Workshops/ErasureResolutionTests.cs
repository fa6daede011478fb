using System.Text.Json;
using Alba;
using Wijkengids.Tests.Integration.Content;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Workshops;

/// <summary>
/// Erasing a requester resolves what they left behind (docs/adr/0099): a pending request is withdrawn, a place on the wait
/// list is freed (whoever waits behind moves up), an open co-financing request is closed, and a confirmed booking waits for
/// the organiser, who frees its places or keeps it for the organisation.
/// </summary>
[Collection(SharedHosts.Workshops)]
public sealed class ErasureResolutionTests(WorkshopsHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    private async Task<JsonElement> RequestAsync(object body) =>
        (await Host.Scenario(s => { s.Post.Json(body).ToUrl("/api/workshops/bookings"); s.StatusCodeShouldBe(201); })).ReadAsJson<JsonElement>();

    private async Task<JsonElement> BookingAsync(string organiser, Guid id) =>
        (await Host.Scenario(s => { s.Get.Url($"/api/workshops/bookings/{id}"); s.As(organiser); })).ReadAsJson<JsonElement>();

    [Fact]
    public async Task Erasing_a_requester_withdraws_pending_requests_frees_the_wait_list_closes_co_financing_and_asks_the_organiser()
    {
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var (_, areas) = await Host.WorkshopDirectoryAsync();
        var area = areas.First();
        var format = await Host.DefineFormatAsync(organiser, "Wissen " + Guid.NewGuid().ToString("N")[..6]);
        var slug = format.Str("slug");
        var roomy = (await Host.ScheduleAsync(organiser, slug, "2027-05-11T09:30:00+02:00", capacity: 5)).Id();
        var full = (await Host.ScheduleAsync(organiser, slug, "2027-05-18T09:30:00+02:00", capacity: 1)).Id();

        var email = $"erik-{Guid.NewGuid():N}@example.nl";
        var (erik, _) = await Host.OpenContributorAsync("Erik Erasmus", email);
        var pending = await RequestAsync(WorkshopSteps.Request(slug, null, area.Id, email));
        var confirmed = await RequestAsync(WorkshopSteps.RequestWithCoFinancing(slug, roomy, area.Id, email, 750m));
        var first = await RequestAsync(WorkshopSteps.Request(slug, full, area.Id, $"olga-{Guid.NewGuid():N}@example.nl"));
        var waiting = await RequestAsync(WorkshopSteps.Request(slug, full, area.Id, email));
        var behind = await RequestAsync(WorkshopSteps.Request(slug, full, area.Id, $"piet-{Guid.NewGuid():N}@example.nl"));
        Assert.Equal(("bevestigd", "wachtlijst", "wachtlijst"), (confirmed.Str("status"), waiting.Str("status"), behind.Str("status")));
        Assert.Equal(2, (await BookingAsync(organiser, behind.Id())).GetProperty("waitListPosition").GetInt32());

        var admin = await Host.LoginAsRoleAsync("admin");
        await Host.TrackedAsync(async _ => await Host.Scenario(s =>
        {
            s.Post.Json(new { subjectId = erik, reason = "verzoek per brief" }).ToUrl("/api/community/erasures"); s.As(admin);
        }));

        var withdrawn = await BookingAsync(organiser, pending.Id());
        Assert.Equal(("geannuleerd", "aanvrager gewist", ""), (withdrawn.Str("status"), withdrawn.Str("cancelReason"), withdrawn.Str("contactEmail")));
        Assert.Equal(("geannuleerd", "aanvrager gewist"), ((await BookingAsync(organiser, waiting.Id())).Str("status"),
            (await BookingAsync(organiser, waiting.Id())).Str("cancelReason")));
        Assert.Equal(1, (await BookingAsync(organiser, behind.Id())).GetProperty("waitListPosition").GetInt32());
        Assert.Equal("bevestigd", (await BookingAsync(organiser, first.Id())).Str("status"));

        var kept = await BookingAsync(organiser, confirmed.Id());
        Assert.Equal(("bevestigd", true), (kept.Str("status"), kept.GetProperty("awaitsDecision").GetBoolean()));
        Assert.Equal(("gesloten", "aanvrager gewist"), (kept.Str("coFinancingDecision"), kept.Str("coFinancingReason")));
        var funder = await Host.LoginAsRoleAsync("funder");
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { grant = true, amount = 100m }).ToUrl($"/api/workshops/bookings/{confirmed.Id()}/co-financing"); s.As(funder);
            s.StatusCodeShouldBe(409);
        })).ShouldBeProblem(409);

        // The organiser sees that a decision is needed, and keeps the booking for the organisation.
        var page = (await Host.Scenario(s => { s.Get.Url("/werkateliers/beheer"); s.As(organiser); })).ReadAsText();
        Assert.Contains("Besluit nodig:", page);
        var decided = (await Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = kept.Version() }).ToUrl($"/api/workshops/bookings/{confirmed.Id()}/keep"); s.As(organiser);
        })).ReadAsJson<JsonElement>();
        Assert.Equal(("bevestigd", false), (decided.Str("status"), decided.GetProperty("awaitsDecision").GetBoolean()));
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = decided.Version() }).ToUrl($"/api/workshops/bookings/{confirmed.Id()}/keep"); s.As(organiser);
            s.StatusCodeShouldBe(422);
        })).ShouldBeProblem(422);

        // A second erasure message (redelivery) finds nothing left to do.
        var before = decided.Version();
        await Host.PublishAndWaitAsync(new Wijkengids.Community.Contracts.ErasureRequested(Guid.Parse(erik), "system", "opnieuw", DateTimeOffset.UtcNow, email));
        Assert.Equal(before, (await BookingAsync(organiser, confirmed.Id())).Version());
    }
}
