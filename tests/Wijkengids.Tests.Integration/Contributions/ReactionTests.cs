using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Contributions;

public sealed class ReactionTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private IAlbaHost Host => fixture.Host;

    private static object Reaction(string message, string email = "lezer@example.nl", string about = "sectie:1.4", bool consent = true,
        bool showName = true, string? website = null) =>
        new { about, name = "Lia Lezer", email, organisation = "Gemeente Schiedam", message, consent, showName, website };

    private async Task<JsonElement> SendAsync(object body, int status = 201)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl("/api/contributions/reactions");
            s.StatusCodeShouldBe(status);
        });
        return result.ReadAsJson<JsonElement>();
    }

    private async Task<JsonElement[]> ModerationAsync(string status = "alle")
    {
        var editor = await Host.LoginAsRoleAsync("editor");
        return (await Host.Scenario(s => { s.Get.Url($"/api/contributions/moderation/reactions?status={status}"); s.As(editor); }))
            .ReadAsJson<JsonElement[]>();
    }

    private async Task<JsonElement[]> PublishedAsync(string about) =>
        (await Host.Scenario(s => s.Get.Url($"/api/contributions/reactions?about={about}"))).ReadAsJson<JsonElement[]>();

    [Fact]
    public async Task An_anonymous_reaction_reaches_the_queue_and_is_public_only_after_publication()
    {
        var message = "Mooie paragraaf, maar noem ook de bewonersbedrijven. " + Guid.NewGuid();
        var sent = await SendAsync(Reaction(message, about: "sectie:2.1"));
        var id = sent.GetProperty("id").GetString();
        Assert.False(sent.GetProperty("merged").GetBoolean());

        var queued = (await ModerationAsync("ontvangen")).Single(r => r.GetProperty("id").GetString() == id);
        Assert.Equal("Lia Lezer", queued.GetProperty("name").GetString());
        Assert.Equal("lezer@example.nl", queued.GetProperty("email").GetString());
        Assert.Empty(await PublishedAsync("sectie:2.1"));

        var editor = await Host.LoginAsRoleAsync("editor");
        await Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = queued.GetProperty("version").GetInt64() }).ToUrl($"/api/contributions/moderation/reactions/{id}/publish");
            s.As(editor);
        });
        var published = Assert.Single(await PublishedAsync("sectie:2.1"));
        Assert.Equal(message, published.GetProperty("message").GetString());
        Assert.Equal("Lia Lezer", published.GetProperty("author").GetString());
        Assert.False(published.TryGetProperty("email", out _));
    }

    [Fact]
    public async Task A_published_reaction_shows_the_name_only_when_the_sender_agreed()
    {
        var sent = await SendAsync(Reaction("Liever zonder naam graag. " + Guid.NewGuid(), about: "sectie:3.2", showName: false));
        var editor = await Host.LoginAsRoleAsync("editor");
        await Host.Scenario(s =>
        {
            s.Post.Json(new { }).ToUrl($"/api/contributions/moderation/reactions/{sent.GetProperty("id").GetString()}/publish");
            s.As(editor);
        });
        Assert.Equal("Anonieme lezer", Assert.Single(await PublishedAsync("sectie:3.2")).GetProperty("author").GetString());
    }

    [Fact]
    public async Task Missing_consent_and_bad_fields_are_400_with_dutch_messages()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { about = "ergens", name = "", email = "geen-adres", message = "", consent = false, showName = true })
                .ToUrl("/api/contributions/reactions");
            s.StatusCodeShouldBe(400);
        });
        var errors = result.ShouldBeProblem(400).GetProperty("errors");
        Assert.Contains("privacyverklaring", errors.GetProperty("consent")[0].GetString());
        Assert.Equal("Kies waar uw reactie over gaat.", errors.GetProperty("about")[0].GetString());
        Assert.Equal("Vul uw naam in.", errors.GetProperty("name")[0].GetString());
        Assert.Equal("Vul een geldig e-mailadres in.", errors.GetProperty("email")[0].GetString());
        Assert.Equal("Schrijf uw reactie.", errors.GetProperty("message")[0].GetString());
    }

    [Fact]
    public async Task The_honeypot_accepts_silently_and_stores_nothing()
    {
        var message = "Koop goedkope horloges " + Guid.NewGuid();
        await SendAsync(Reaction(message, email: "bot@example.nl", website: "http://spam.example"));
        Assert.DoesNotContain(await ModerationAsync(), r => r.GetProperty("message").GetString() == message);
    }

    [Fact]
    public async Task The_same_reaction_sent_twice_within_minutes_is_merged()
    {
        var message = "Dubbel verstuurd door een dubbele klik. " + Guid.NewGuid();
        var first = await SendAsync(Reaction(message, email: "dubbel@example.nl"));
        var second = await SendAsync(Reaction("  " + message.ToUpperInvariant() + "  ", email: "Dubbel@Example.nl"));
        Assert.True(second.GetProperty("merged").GetBoolean());
        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Single(await ModerationAsync(), r => r.GetProperty("message").GetString() == message);
    }

    [Fact]
    public async Task More_than_five_reactions_per_address_within_minutes_get_429_and_nothing_is_lost_before()
    {
        for (var i = 0; i < 5; i++) await SendAsync(Reaction($"Reactie nummer {i} {Guid.NewGuid()}", email: "druk@example.nl"));
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(Reaction("Nummer zes " + Guid.NewGuid(), email: "druk@example.nl")).ToUrl("/api/contributions/reactions");
            s.StatusCodeShouldBe(429);
        });
        result.ShouldBeProblem(429);
        Assert.Equal(5, (await ModerationAsync()).Count(r => r.GetProperty("email").GetString() == "druk@example.nl"));
    }

    [Fact]
    public async Task Spam_needs_a_reason_hides_a_published_reaction_and_records_the_reason()
    {
        var sent = await SendAsync(Reaction("Dit wordt spam " + Guid.NewGuid(), email: "spam@example.nl", about: "sectie:4.4"));
        var id = sent.GetProperty("id").GetString();
        var editor = await Host.LoginAsRoleAsync("editor");
        await Host.Scenario(s => { s.Post.Json(new { }).ToUrl($"/api/contributions/moderation/reactions/{id}/publish"); s.As(editor); });
        Assert.Single(await PublishedAsync("sectie:4.4"));

        var noReason = await Host.Scenario(s =>
        {
            s.Post.Json(new { }).ToUrl($"/api/contributions/moderation/reactions/{id}/spam"); s.As(editor);
            s.StatusCodeShouldBe(400);
        });
        Assert.Equal("Geef een reden waarom dit spam is.", noReason.ShouldBeProblem(400).GetProperty("errors").GetProperty("reason")[0].GetString());

        var spam = await Host.Scenario(s => { s.Post.Json(new { reason = "reclame" }).ToUrl($"/api/contributions/moderation/reactions/{id}/spam"); s.As(editor); });
        Assert.Equal("spam", spam.ReadAsJson<JsonElement>().GetProperty("status").GetString());
        Assert.Empty(await PublishedAsync("sectie:4.4"));

        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(Guid.Parse(id!));
        Assert.Equal("reclame", events.Last().Headers!["reason"]?.ToString());
    }

    [Fact]
    public async Task Only_editors_moderate()
    {
        var sent = await SendAsync(Reaction("Wie mag modereren? " + Guid.NewGuid(), email: "wie@example.nl"));
        var url = $"/api/contributions/moderation/reactions/{sent.GetProperty("id").GetString()}/publish";
        (await Host.Scenario(s => { s.Post.Json(new { }).ToUrl(url); s.StatusCodeShouldBe(401); })).ShouldBeProblem(401);
        foreach (var role in new[] { "contributor", "organiser", "funder", "auditor" })
        {
            var cookie = await Host.LoginAsRoleAsync(role);
            (await Host.Scenario(s => { s.Post.Json(new { }).ToUrl(url); s.As(cookie); s.StatusCodeShouldBe(403); })).ShouldBeProblem(403);
        }
    }

    [Fact]
    public async Task A_stale_version_is_409()
    {
        var sent = await SendAsync(Reaction("Twee redacteuren tegelijk " + Guid.NewGuid(), email: "tegelijk@example.nl"));
        var id = sent.GetProperty("id").GetString();
        var editor = await Host.LoginAsRoleAsync("editor");
        await Host.Scenario(s => { s.Post.Json(new { expectedVersion = 1 }).ToUrl($"/api/contributions/moderation/reactions/{id}/handle"); s.As(editor); });
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = 1 }).ToUrl($"/api/contributions/moderation/reactions/{id}/publish"); s.As(editor);
            s.StatusCodeShouldBe(409);
        })).ShouldBeProblem(409);
    }

    [Fact]
    public async Task A_contributor_sees_only_their_own_reactions_with_the_editors_answer()
    {
        var contributor = await Host.LoginAsRoleAsync("contributor");
        var message = "Mijn eigen reactie " + Guid.NewGuid();
        var sent = await Host.Scenario(s =>
        {
            s.Post.Json(Reaction(message, email: "contributor@wijkengids.test")).ToUrl("/api/contributions/reactions"); s.As(contributor);
            s.StatusCodeShouldBe(201);
        });
        var id = sent.ReadAsJson<JsonElement>().GetProperty("id").GetString();
        var editor = await Host.LoginAsRoleAsync("editor");
        await Host.Scenario(s =>
        {
            s.Post.Json(new { answer = "Dank, we nemen het mee in de volgende update.", @public = false })
                .ToUrl($"/api/contributions/moderation/reactions/{id}/answer"); s.As(editor);
        });

        var mine = (await Host.Scenario(s => { s.Get.Url("/api/contributions/mine"); s.As(contributor); })).ReadAsJson<JsonElement[]>();
        var own = Assert.Single(mine, r => r.GetProperty("id").GetString() == id);
        Assert.Equal("beantwoord", own.GetProperty("status").GetString());
        Assert.Equal("Dank, we nemen het mee in de volgende update.", own.GetProperty("answer").GetString());

        var other = await Host.LoginAsRoleAsync("organiser");
        var theirs = (await Host.Scenario(s => { s.Get.Url("/api/contributions/mine"); s.As(other); })).ReadAsJson<JsonElement[]>();
        Assert.DoesNotContain(theirs, r => r.GetProperty("id").GetString() == id);
        await Host.Scenario(s => { s.Get.Url("/api/contributions/mine"); s.StatusCodeShouldBe(401); });
    }

    [Fact]
    public async Task The_reaction_is_sealed_in_the_event_store()
    {
        var message = "Vertrouwelijke opmerking " + Guid.NewGuid();
        var sent = await SendAsync(Reaction(message, email: "verzegeld@example.nl"));
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var raw = await session.QueryAsync<string>("select data::text from events.mt_events where stream_id = ?",
            Guid.Parse(sent.GetProperty("id").GetString()!));
        Assert.All(raw, data =>
        {
            Assert.DoesNotContain(message, data);
            Assert.DoesNotContain("verzegeld@example.nl", data);
            Assert.DoesNotContain("Lia Lezer", data);
        });
    }

    [Fact]
    public async Task Script_in_a_reaction_is_shown_as_text_on_the_moderation_page()
    {
        await SendAsync(Reaction("<script>alert('xss')</script><img src=x onerror=alert(1)> " + Guid.NewGuid(), email: "xss@example.nl"));
        var editor = await Host.LoginAsRoleAsync("editor");
        var html = (await Host.Scenario(s => { s.Get.Url("/redactie/bijdragen?status=alle"); s.As(editor); })).ReadAsText();
        Assert.Contains("&lt;script&gt;alert(", html);
        Assert.DoesNotContain("<script>alert(", html);
        Assert.DoesNotContain("<img src=x", html);
    }

    [Fact]
    public async Task Every_section_page_links_to_the_reaction_form_for_that_section()
    {
        var section = (await Host.Scenario(s => s.Get.Url("/gids/1.4"))).ReadAsText();
        Assert.Contains("href=\"/reageren?over=sectie:1.4\"", section);
        var form = (await Host.Scenario(s => s.Get.Url("/reageren?over=sectie:1.4"))).ReadAsText();
        Assert.Contains("paragraaf 1.4", form);
        Assert.Contains("name=\"About\" value=\"sectie:1.4\"", form);
    }

    [Fact]
    public async Task The_reaction_read_model_is_rebuilt_from_the_events_alone()
    {
        var editor = await Host.LoginAsRoleAsync("editor");
        async Task StepAsync(string id, string step, object body) =>
            await Host.Scenario(s => { s.Post.Json(body).ToUrl($"/api/contributions/moderation/reactions/{id}/{step}"); s.As(editor); });
        string Id(JsonElement sent) => sent.GetProperty("id").GetString()!;

        var published = Id(await SendAsync(Reaction("Wordt gepubliceerd en openbaar beantwoord " + Guid.NewGuid(), email: "a@example.nl", about: "sectie:3.1")));
        await StepAsync(published, "publish", new { });
        await StepAsync(published, "answer", new { answer = "Dank u, opgenomen.", @public = true });
        var mailed = Id(await SendAsync(Reaction("Krijgt een antwoord per mail " + Guid.NewGuid(), email: "b@example.nl", about: "sectie:3.1")));
        await StepAsync(mailed, "answer", new { answer = "Wij nemen contact op.", @public = false });
        await StepAsync(mailed, "handle", new { reason = "beantwoord per mail" });
        var spam = Id(await SendAsync(Reaction("Koop nu goedkope horloges " + Guid.NewGuid(), email: "c@example.nl", about: "sectie:3.1", showName: false)));
        await StepAsync(spam, "publish", new { });
        await StepAsync(spam, "spam", new { reason = "reclame voor horloges" });
        var ids = new[] { Guid.Parse(published), Guid.Parse(mailed), Guid.Parse(spam) };

        var store = Host.Services.GetRequiredService<IDocumentStore>();
        async Task<string[]> ViewsAsync()
        {
            await using var session = store.QuerySession();
            var views = new List<string>();
            foreach (var id in ids)
            {
                if (await session.Json.FindByIdAsync<Wijkengids.Contributions.Reactions.ReactionView>(id) is { } json) views.Add(json);
            }
            return views.ToArray();
        }
        var before = await ViewsAsync();
        Assert.Equal(3, before.Length);
        Assert.Contains("reclame voor horloges", string.Join("", before));

        // Throw the read model away and let the projection build it again from the events alone.
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(Wijkengids.Contributions.Reactions.ReactionView));
        Assert.Empty(await ViewsAsync());
        using (var daemon = await store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync("ReactionView", CancellationToken.None);
        }

        Assert.Equal(before, await ViewsAsync());
    }
}
