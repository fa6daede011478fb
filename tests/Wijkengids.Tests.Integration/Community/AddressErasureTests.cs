using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Subscriptions;
using Wijkengids.Platform;
using Wijkengids.SharedKernel;
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
    public async Task Unsubscribing_forgets_the_address_and_keeps_only_a_keyed_hash_that_erasure_also_finds()
    {
        var email = $"vergeten-{Guid.NewGuid():N}@example.nl";
        await Host.TrackedAsync(_ => Host.Scenario(s =>
        {
            s.Post.Json(new { email, themes = Array.Empty<string>() }).ToUrl("/api/community/subscriptions");
            s.StatusCodeShouldBe(202);
        }));
        var confirmation = Assert.Single(await Host.MailsToAsync(email));
        var confirmToken = MailHelpers.TokenOf(MailHelpers.LinkTo(confirmation.Text, "/aanmelden/bevestigen"));
        await Host.Scenario(s => { s.Post.Json(new { token = confirmToken }).ToUrl("/api/community/subscriptions/confirm"); s.StatusCodeShouldBe(200); });
        var unsubscribe = MailHelpers.TokenOf(confirmation.Headers["List-Unsubscribe"].Trim('<', '>'));

        await Host.Scenario(s => { s.Post.Url("/api/community/subscriptions/unsubscribe?token=" + Uri.EscapeDataString(unsubscribe)); s.StatusCodeShouldBe(200); });

        var masterKey = Host.Services.GetRequiredService<MasterKey>();
        var hash = SubscriptionView.HashOf(masterKey, email);
        Guid id;
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            Assert.False(await session.Query<SubscriptionView>().AnyAsync(v => v.Email == email));
            var view = await session.Query<SubscriptionView>().SingleAsync(v => v.AddressHash == hash);
            id = view.Id;
            Assert.Equal(SubscriptionView.ErasedAddress(id), view.Email);
            Assert.Equal(SubscriptionStatus.Cancelled, view.Status);
            Assert.DoesNotContain(email, hash);
            // The sealed address in the history can no longer be read: the subscription's key is gone.
            await using var scope = Host.Services.CreateAsyncScope();
            Assert.True(await scope.ServiceProvider.GetRequiredService<IPersonalDataVault>().IsErasedAsync(id));
            var described = (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).OfType<SubscriptionCancelled>().Single();
            Assert.Equal(hash, described.AddressHash);
        }

        // The old confirmation link cannot bring it back; unsubscribing again is fine; subscribing again starts afresh.
        (await Host.Scenario(s => { s.Post.Json(new { token = confirmToken }).ToUrl("/api/community/subscriptions/confirm"); s.StatusCodeShouldBe(422); }))
            .ShouldBeProblem(422);
        await Host.Scenario(s => { s.Post.Url("/api/community/subscriptions/unsubscribe?token=" + Uri.EscapeDataString(unsubscribe)); s.StatusCodeShouldBe(200); });
        await Host.SubscribeAndConfirmAsync(email);
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var again = await session.Query<SubscriptionView>().SingleAsync(v => v.Email == email);
            Assert.NotEqual(id, again.Id);
            Assert.Equal(SubscriptionStatus.Confirmed, again.Status);
        }

        // Erasing the address reaches the forgotten subscription through its hash, and the hash goes too.
        var admin = await Host.LoginAsRoleAsync("admin");
        await Host.TrackedAsync(_ => EraseAsync(admin, new { email, reason = "verzoek per e-mail" }, 200));
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var erased = await session.LoadAsync<SubscriptionView>(id);
            Assert.Equal(SubscriptionStatus.Erased, erased!.Status);
            Assert.Null(erased.AddressHash);
            Assert.False(await session.Query<SubscriptionView>().AnyAsync(v => v.Email == email || v.AddressHash == hash));
        }
    }

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
