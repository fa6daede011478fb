using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Subscriptions;
using Wijkengids.Tests.Integration.Content;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

/// <summary>
/// Erasure for people without an account (docs/adr/0099): an admin erases everything under an e-mail address, with a reason;
/// the reaction, the werkatelier request and the subscription lose the person's data in every module, and the open request
/// is withdrawn.
/// </summary>
[Collection(SharedHosts.Community)]
public sealed class AddressErasureTests(CommunityHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    private Task<IScenarioResult> EraseAsync(string cookie, object body, int status) => Host.Scenario(s =>
    {
        s.Post.Json(body).ToUrl("/api/community/erasures/by-email"); s.As(cookie);
        s.StatusCodeShouldBe(status);
    });

    [Fact]
    public async Task An_admin_erases_everything_under_an_address_without_an_account_in_every_module()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var email = $"anna-{marker}@example.nl";
        await Host.Scenario(s =>
        {
            s.Post.Json(new { about = "algemeen", name = $"Anna {marker}", email, message = $"Bericht van Anna {marker}", consent = true, showName = true })
                .ToUrl("/api/contributions/reactions");
            s.StatusCodeShouldBe(201);
        });
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var format = await Host.DefineFormatAsync(organiser, "Adres " + marker[..6]);
        var (_, areas) = await Host.WorkshopDirectoryAsync();
        var booking = (await Host.Scenario(s =>
        {
            s.Post.Json(WorkshopSteps.Request(format.Str("slug"), null, areas.First().Id, email)).ToUrl("/api/workshops/bookings");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        await Host.SubscribeAndConfirmAsync(email);

        var admin = await Host.LoginAsRoleAsync("admin");
        var editor = await Host.LoginAsRoleAsync("editor");
        await EraseAsync(editor, new { email, reason = "verzoek" }, 403);
        var noReason = (await EraseAsync(admin, new { email }, 400)).ShouldBeProblem(400);
        Assert.Equal("Geef de reden waarom u deze gegevens wist.", noReason.GetProperty("errors").GetProperty("reason")[0].GetString());
        (await EraseAsync(admin, new { email = "contributor@wijkengids.test", reason = "verzoek" }, 422)).ShouldBeProblem(422);

        JsonElement result = default;
        await Host.TrackedAsync(async _ => result = (await EraseAsync(admin, new { email, reason = "verzoek per e-mail" }, 200)).ReadAsJson<JsonElement>());
        Assert.Equal("e-mailadres", result.Str("kind"));

        var queue = (await Host.Scenario(s => { s.Get.Url("/api/contributions/moderation/reactions?status=alle"); s.As(editor); })).ReadAsText();
        Assert.DoesNotContain(marker, queue);
        var request = (await Host.Scenario(s => { s.Get.Url($"/api/workshops/bookings/{booking.Id()}"); s.As(organiser); })).ReadAsJson<JsonElement>();
        Assert.Equal(("geannuleerd", "aanvrager gewist", ""), (request.Str("status"), request.Str("cancelReason"), request.Str("contactEmail")));
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            Assert.Empty(await session.Query<SubscriptionView>().Where(v => v.Email == email).ToListAsync());
        }
        // The same address again: the same data subject, nothing new to erase.
        var again = (await EraseAsync(admin, new { email = email.ToUpperInvariant(), reason = "nogmaals" }, 200)).ReadAsJson<JsonElement>();
        Assert.Equal(result.Str("subjectId"), again.Str("subjectId"));
    }
}
