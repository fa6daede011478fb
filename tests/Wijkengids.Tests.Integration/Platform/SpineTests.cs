using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>
/// The spine end to end: a request appends events with full metadata, a contract message goes through
/// Wolverine's outbox to another module, and actor, correlation and causation arrive intact.
/// </summary>
[Collection(SharedHosts.Platform)]
public sealed class SpineTests(PlatformHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task Opening_an_account_appends_events_with_actor_correlation_causation_and_reason()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var adminId = await MeAsync(admin);
        var correlation = "spine-" + Guid.NewGuid().ToString("N");

        var created = (await Host.Scenario(s =>
        {
            s.Post.Json(new { email = Unique.Email("spine"), displayName = "Sanne Spine", password = "een-lang-wachtwoord", roles = new[] { "editor" }, reason = "nieuwe redacteur" })
                .ToUrl("/api/community/accounts"); s.As(admin);
            s.WithRequestHeader("X-Correlation-Id", correlation);
            s.StatusCodeShouldBe(201);
            s.Header("X-Correlation-Id").SingleValueShouldEqual(correlation);
        })).ReadAsJson<JsonElement>();
        var accountId = Guid.Parse(created.GetProperty("id").GetString()!);

        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(accountId);
        Assert.Equal(["AccountOpened", "AccountPasswordSet"], events.Select(e => e.EventType.Name).ToArray());
        Assert.All(events, e =>
        {
            Assert.Equal(adminId, e.UserName);
            Assert.Equal(correlation, e.CorrelationId);
            Assert.False(string.IsNullOrEmpty(e.CausationId));
            Assert.Equal("nieuwe redacteur", e.Headers!["reason"]?.ToString());
        });
    }

    [Fact]
    public async Task Personal_data_in_events_is_sealed_not_clear_text()
    {
        var email = Unique.Email("geheim");
        var admin = await Host.LoginAsRoleAsync("admin");
        var created = (await Host.Scenario(s =>
        {
            s.Post.Json(new { email, displayName = "Gerrit Geheim", password = "een-lang-wachtwoord", roles = Array.Empty<string>() })
                .ToUrl("/api/community/accounts"); s.As(admin);
        s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();

        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var raw = await session.QueryAsync<string>(
            "select data::text from events.mt_events where stream_id = ?", Guid.Parse(created.GetProperty("id").GetString()!));
        Assert.NotEmpty(raw);
        Assert.All(raw, data =>
        {
            Assert.DoesNotContain(email, data);
            Assert.DoesNotContain("Gerrit Geheim", data);
        });
    }

    [Fact]
    public async Task The_account_message_reaches_audit_through_the_outbox_with_actor_and_correlation()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var adminId = await MeAsync(admin);
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var correlation = "outbox-" + Guid.NewGuid().ToString("N");

        // Tracked until the AccountOpened message the request sent through the outbox has been handled.
        var created = (await Host.TrackedAsync(() => Host.Scenario(s =>
        {
            s.Post.Json(new { email = Unique.Email("bericht"), displayName = "Berend Bericht", password = "een-lang-wachtwoord", roles = new[] { "funder" } })
                .ToUrl("/api/community/accounts"); s.As(admin);
            s.WithRequestHeader("X-Correlation-Id", correlation);
            s.StatusCodeShouldBe(201);
        }))).ReadAsJson<JsonElement>();
        var accountId = created.GetProperty("id").GetString();

        var json = (await Host.Scenario(s => { s.Get.Url($"/api/audit/actors/{accountId}"); s.As(auditor); s.StatusCodeShouldBe(200); }))
            .ReadAsJson<JsonElement>();
        Assert.Equal("Berend Bericht", json.GetProperty("displayName").GetString());
        Assert.Equal(correlation, json.GetProperty("correlationId").GetString());
        Assert.Equal(adminId, json.GetProperty("recordedFor").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("causationId").GetString()));
    }

    [Fact]
    public async Task The_async_audit_timeline_shows_who_what_why_grouped_by_correlation()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var correlation = "timeline-" + Guid.NewGuid().ToString("N");
        // Both the actor's name (an outbox message: tracked) and the projection (the async daemon) come later.
        await Host.TrackedAsync(_ => Host.Scenario(s =>
        {
            s.Post.Json(new { email = Unique.Email("tijdlijn"), displayName = "Tim Tijdlijn", password = "een-lang-wachtwoord", roles = new[] { "editor" }, reason = "versterking redactie" })
                .ToUrl("/api/community/accounts"); s.As(admin);
            s.WithRequestHeader("X-Correlation-Id", correlation);
            s.StatusCodeShouldBe(201);
        }));
        await Host.ProjectionsCaughtUpAsync();

        var entries = (await Host.Scenario(s => { s.Get.Url($"/api/audit/timeline?correlationId={correlation}"); s.As(auditor); })).TimelineEntries();
        Assert.Equal(2, entries.Length);

        Assert.Equal(["Wachtwoord ingesteld", "Account aangemaakt"], entries.Select(e => e.GetProperty("description").GetString()!).ToArray());
        Assert.All(entries, e =>
        {
            Assert.Equal("community", e.GetProperty("module").GetString());
            Assert.Equal("Bas Beheerder", e.GetProperty("actorName").GetString());
            Assert.Equal("versterking redactie", e.GetProperty("reason").GetString());
        });
        Assert.True(entries[0].GetProperty("position").GetInt64() > entries[1].GetProperty("position").GetInt64());
    }

    [Fact]
    public async Task Audit_endpoints_refuse_every_other_role()
    {
        foreach (var role in new[] { "editor", "contributor", "organiser", "funder" })
        {
            var cookie = await Host.LoginAsRoleAsync(role);
            (await Host.Scenario(s =>
            {
                s.Get.Url("/api/audit/timeline"); s.As(cookie);
                s.StatusCodeShouldBe(403);
            })).ShouldBeProblem(403);
        }
        (await Host.Scenario(s =>
        {
            s.Get.Url("/api/audit/timeline");
            s.StatusCodeShouldBe(401);
        })).ShouldBeProblem(401);
    }

    private async Task<string> MeAsync(string cookie) =>
        (await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); })).ReadAsJson<JsonElement>().GetProperty("id").GetString()!;
}
