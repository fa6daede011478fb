using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Contracts;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>AVG across modules: the export holds the person's reactions and werkatelier requests; erasure leaves no trace of them.</summary>
[Collection(SharedHosts.Platform)]
public sealed class CrossModulePersonalDataTests(PlatformHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task Export_includes_reactions_and_requests_and_erasure_masks_them_in_every_module()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var email = $"wis-{Guid.NewGuid():N}@example.nl";
        await Host.Scenario(s =>
        {
            s.Post.Json(new { email, displayName = "Wim Wisser", password = "een-lang-wachtwoord", roles = new[] { "contributor" } })
                .ToUrl("/api/community/accounts"); s.As(admin);
            s.StatusCodeShouldBe(201);
        });

        // Before signing in, and signed in: both reactions are theirs.
        var anonymousText = "Anoniem geschreven door Wim " + Guid.NewGuid();
        await SendReactionAsync(null, email, anonymousText);
        var person = await Host.LoginAsync(email, "een-lang-wachtwoord");
        var signedInText = "Ingelogd geschreven door Wim " + Guid.NewGuid();
        await SendReactionAsync(person, email, signedInText);
        var goals = "Wims doelen voor de wijk " + Guid.NewGuid();
        var token = await RequestWorkshopAsync(email, goals);

        var export = (await Host.Scenario(s => { s.Get.Url("/api/community/me/personal-data"); s.As(person); })).ReadAsText();
        Assert.Contains(anonymousText, export);
        Assert.Contains(signedInText, export);
        Assert.Contains(goals, export);

        // Erasing waits until every module has heard of it (ErasureRequested, through the outbox).
        await Host.TrackedAsync(_ => Host.Scenario(s =>
        {
            s.Post.Json(new { password = "een-lang-wachtwoord" }).ToUrl("/api/community/me/erase"); s.As(person); s.StatusCodeShouldBe(200);
        }));

        var editor = await Host.LoginAsRoleAsync("editor");
        var queue = (await Host.Scenario(s => { s.Get.Url("/api/contributions/moderation/reactions?status=alle"); s.As(editor); })).ReadAsText();
        var booking = (await Host.Scenario(s => s.Get.Url($"/api/workshops/bookings/status/{token}"))).ReadAsText();
        var gone = !queue.Contains(anonymousText) && !queue.Contains(signedInText) && !queue.Contains(email)
                   && !booking.Contains(goals) && !booking.Contains("Wim Wisser") && !booking.Contains(email);
        Assert.True(gone, "Niet gewist:\n" + queue + "\n" + booking);
    }

    private async Task SendReactionAsync(string? cookie, string email, string message) =>
        await Host.Scenario(s =>
        {
            s.Post.Json(new { about = "algemeen", name = "Wim Wisser", email, message, consent = true, showName = true }).ToUrl("/api/contributions/reactions");
            if (cookie is not null) s.As(cookie);
            s.StatusCodeShouldBe(201);
        });

    private async Task<string> RequestWorkshopAsync(string email, string goals)
    {
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var slug = (await Host.Scenario(s =>
        {
            s.Post.Json(new { title = "AVG-atelier " + Guid.NewGuid().ToString("N")[..6], description = "Test", durationMinutes = 120,
                participantsPerSession = 10, price = 0m }).ToUrl("/api/workshops/formats"); s.As(organiser);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>().GetProperty("slug").GetString();
        await using var scope = Host.Services.CreateAsyncScope();
        var area = (await scope.ServiceProvider.GetRequiredService<ICommunityDirectory>().AreasAsync()).First();
        var booking = (await Host.Scenario(s =>
        {
            s.Post.Json(new { formatSlug = slug, areaId = area.Id, organisation = "Wims wijkteam", contactName = "Wim Wisser", contactEmail = email,
                participants = 3, preferredDates = "voorjaar", goals, coFinancing = false }).ToUrl("/api/workshops/bookings");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        return booking.GetProperty("statusUrl").GetString()!.Split('/').Last();
    }
}
