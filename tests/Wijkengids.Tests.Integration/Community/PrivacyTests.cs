using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.SharedKernel;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

/// <summary>AVG: the export gathers every module's data; erasure leaves the history but no name, address or text in any read.</summary>
[Collection(SharedHosts.Community)]
public sealed class PrivacyTests(CommunityHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task The_export_holds_the_account_the_subscription_and_the_audit_name_from_every_module()
    {
        var ina = Unique.Email("ina");
        var (id, cookie) = await Host.OpenContributorAsync("Ina Inzage", ina);
        await Host.SubscribeAndConfirmAsync(ina);
        // Opening the account waited for its messages: Audit knows the name.
        var export = await Host.Scenario(s => { s.Get.Url("/api/community/me/personal-data"); s.As(cookie); });
        Assert.Contains("\"naam in de geschiedenis\"", export.ReadAsText());

        var json = export.ReadAsJson<JsonElement>();
        Assert.Equal(id, json.GetProperty("subject").GetString());
        var sections = json.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("module").GetString()!);
        Assert.Equal(["audit", "community", "contributions", "workshops"], sections.Keys.Order().ToArray());
        var community = sections["community"].GetProperty("items").ToString();
        Assert.Contains("Ina Inzage", community);
        Assert.Contains(ina, community);
        Assert.Contains("aanmelding voor updates", community);
        Assert.Contains("bevestigd", community);
        Assert.Contains("Ina Inzage", sections["audit"].GetProperty("items").ToString());

        var download = await Host.Scenario(s => { s.Get.Url("/mijn-gegevens?handler=Download"); s.As(cookie); });
        Assert.Contains("attachment", download.Context.Response.Headers.ContentDisposition.ToString());
        Assert.Contains(ina, download.ReadAsText());
        (await Host.Scenario(s => { s.Get.Url("/api/community/me/personal-data"); s.StatusCodeShouldBe(401); })).ShouldBeProblem(401);
    }

    [Fact]
    public async Task The_erasure_form_asks_for_the_password_and_says_so_at_the_field_when_it_is_wrong()
    {
        var (_, cookie) = await Host.OpenContributorAsync("Pim Paswoord", $"pim-{Guid.NewGuid():N}@example.nl");
        var (_, token, antiforgery) = await Host.FormTokenAsync("/mijn-gegevens", cookie);
        Task<Alba.IScenarioResult> PostAsync(string password, int status) => Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["Confirm"] = "true", ["Password"] = password, ["__RequestVerificationToken"] = token })
                .ToUrl("/mijn-gegevens");
            s.ConfigureHttpContext(c => c.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?handler=Erase"));
            s.As($"{cookie}; {antiforgery}");
            s.StatusCodeShouldBe(status);
        });
        var wrong = (await PostAsync("niet-mijn-wachtwoord", 400)).ReadAsText();
        Assert.Contains("href=\"#veld-password\"", wrong);
        Assert.Contains("Dit wachtwoord klopt niet.", wrong);
        await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); s.StatusCodeShouldBe(200); });
        var done = await PostAsync("een-lang-wachtwoord", 302);
        Assert.Equal("/mijn-gegevens/gewist", done.Context.Response.Headers.Location.ToString());
        await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); s.StatusCodeShouldBe(401); });
    }

    [Fact]
    public async Task After_erasure_name_and_address_appear_in_no_read_and_the_history_shows_the_erasure()
    {
        var erik = Unique.Email("erik");
        var (id, cookie) = await Host.OpenContributorAsync("Erik Erasmus", erik);
        await Host.SubscribeAndConfirmAsync(erik);
        var auditor = await Host.LoginAsRoleAsync("auditor");
        Assert.Contains("Erik Erasmus", (await Host.Scenario(s => { s.Get.Url($"/api/audit/actors/{id}"); s.As(auditor); })).ReadAsText());

        // Erasing oneself asks for the password again: an open session alone is not enough.
        var noPassword = await Host.Scenario(s => { s.Post.Json(new { }).ToUrl("/api/community/me/erase"); s.As(cookie); s.StatusCodeShouldBe(400); });
        Assert.Equal("Vul uw wachtwoord in om te bevestigen dat u het bent.",
            noPassword.ShouldBeProblem(400).GetProperty("errors").GetProperty("password")[0].GetString());
        var wrong = await Host.Scenario(s =>
        {
            s.Post.Json(new { password = "niet-mijn-wachtwoord" }).ToUrl("/api/community/me/erase"); s.As(cookie);
            s.StatusCodeShouldBe(400);
        });
        Assert.Equal("Dit wachtwoord klopt niet. Vul uw huidige wachtwoord in.", wrong.ShouldBeProblem(400).GetProperty("errors").GetProperty("password")[0].GetString());
        await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); s.StatusCodeShouldBe(200); });
        // Erasing waits until every module has heard of it (through the outbox).
        var erased = await Host.TrackedAsync(() =>
            Host.Scenario(s => { s.Post.Json(new { password = "een-lang-wachtwoord" }).ToUrl("/api/community/me/erase"); s.As(cookie); s.StatusCodeShouldBe(200); }));
        Assert.Equal("account", erased.ReadAsJson<JsonElement>().GetProperty("kind").GetString());

        // The session ends and the account cannot sign in.
        await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); s.StatusCodeShouldBe(401); });
        await Host.Scenario(s =>
        {
            s.Post.Json(new { email = erik, password = "een-lang-wachtwoord" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });

        var admin = await Host.LoginAsRoleAsync("admin");
        Assert.Contains("gewiste persoon", (await Host.Scenario(s => { s.Get.Url($"/api/audit/actors/{id}"); s.As(auditor); })).ReadAsText());
        var reads = new List<string>
        {
            (await Host.Scenario(s => { s.Get.Url("/api/community/accounts"); s.As(admin); })).ReadAsText(),
            (await Host.Scenario(s => { s.Get.Url("/beheer/accounts"); s.As(admin); })).ReadAsText(),
            (await Host.Scenario(s => { s.Get.Url("/api/community/mailings"); s.As(admin); })).ReadAsText(),
            (await Host.Scenario(s => { s.Get.Url("/beheer/wissen"); s.As(admin); })).ReadAsText(),
            (await Host.Scenario(s => s.FromThisMachine().Get.Url("/dev/mail"))).ReadAsText(),
            (await Host.Scenario(s => { s.Get.Url($"/api/audit/actors/{id}"); s.As(auditor); })).ReadAsText(),
            (await Host.Scenario(s => { s.Get.Url($"/api/audit/timeline?limit=500"); s.As(auditor); })).ReadAsText(),
        };
        Assert.All(reads, read =>
        {
            Assert.DoesNotContain("Erik Erasmus", read);
            Assert.DoesNotContain(erik, read);
        });
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var events = await session.QueryAsync<string>("select data::text from events.mt_events");
            Assert.All(events, data => Assert.DoesNotContain(erik, data));
        }
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var vault = scope.ServiceProvider.GetRequiredService<IPersonalDataVault>();
            Assert.True(await vault.IsErasedAsync(Guid.Parse(id)));
        }

        await Host.ProjectionsCaughtUpAsync();
        var entry = Assert.Single((await Host.Scenario(s => { s.Get.Url($"/api/audit/timeline?item={id}"); s.As(auditor); })).TimelineEntries(),
            e => e.GetProperty("description").GetString() == "Persoonsgegevens gewist (AVG)");
        Assert.Equal(id, entry.GetProperty("actor").GetString());
        // The erased person decided it themselves: the audit shows the decision, not the text an erased person wrote.
        Assert.Equal("(gewist)", entry.GetProperty("reason").GetString());

        // Subscribing again with the same address is possible (a new, unrelated subscription).
        await Host.Scenario(s => { s.Post.Json(new { email = erik }).ToUrl("/api/community/subscriptions"); s.StatusCodeShouldBe(202); });
    }

    [Fact]
    public async Task An_admin_erases_a_listed_person_with_a_reason_and_they_disappear_from_every_list()
    {
        var people = (await Host.Scenario(s => s.Get.Url("/api/community/people"))).ReadAsJson<JsonElement[]>();
        var coby = people.Single(p => p.GetProperty("name").GetString() == "Coby De La Rie").GetProperty("id").GetString();
        var admin = await Host.LoginAsRoleAsync("admin");
        var editor = await Host.LoginAsRoleAsync("editor");

        (await Host.Scenario(s =>
        {
            s.Post.Json(new { subjectId = coby, reason = "verzoek" }).ToUrl("/api/community/erasures"); s.As(editor);
            s.StatusCodeShouldBe(403);
        })).ShouldBeProblem(403);
        Assert.Contains("reden", (await Host.Scenario(s =>
        {
            s.Post.Json(new { subjectId = coby }).ToUrl("/api/community/erasures"); s.As(admin);
            s.StatusCodeShouldBe(422);
        })).ShouldBeProblem(422).GetProperty("detail").GetString());
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { subjectId = Guid.NewGuid(), reason = "verzoek" }).ToUrl("/api/community/erasures"); s.As(admin);
            s.StatusCodeShouldBe(404);
        })).ShouldBeProblem(404);

        await Host.TrackedAsync(_ => Host.Scenario(s =>
        {
            s.Post.Json(new { subjectId = coby, reason = "verzoek van betrokkene per brief" }).ToUrl("/api/community/erasures"); s.As(admin);
            s.StatusCodeShouldBe(200);
        }));

        foreach (var url in new[] { "/api/community/people", "/mensen", "/organisaties", "/api/community/organisations" })
        {
            Assert.DoesNotContain("Coby De La Rie", (await Host.Scenario(s => s.Get.Url(url))).ReadAsText());
        }
        await Host.Scenario(s => { s.Get.Url($"/api/community/people/{coby}"); s.StatusCodeShouldBe(404); });
        await using var scope = Host.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<Wijkengids.Community.Contracts.ICommunityDirectory>().PersonAsync(Guid.Parse(coby!)));

        var auditor = await Host.LoginAsRoleAsync("auditor");
        var adminId = (await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(admin); })).ReadAsJson<JsonElement>().GetProperty("id").GetString();
        await Host.ProjectionsCaughtUpAsync();
        var entries = (await Host.Scenario(s => { s.Get.Url($"/api/audit/timeline?item={coby}"); s.As(auditor); })).TimelineEntries();
        Assert.NotEmpty(entries);
        Assert.Equal("Persoonsgegevens gewist (AVG)", entries[0].GetProperty("description").GetString());
        var erasure = entries[0].GetRawText();
        Assert.Contains(adminId!, erasure);
        Assert.Contains("verzoek van betrokkene per brief", erasure);
    }
}
