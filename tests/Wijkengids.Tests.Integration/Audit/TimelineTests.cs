using System.Text.Json;
using Alba;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Audit;

/// <summary>The auditors' timeline over the API: every filter, combined filters, keyset paging both ways, grouping, local time.</summary>
[Collection(SharedHosts.Audit)]
public sealed class TimelineTests(AuditHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task Per_item_shows_only_that_items_events_grouped_as_one_action()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var item = await Host.OpenAccountAsync(admin, "Item Ida", ["editor"], "nieuwe redacteur");
        await Host.OpenAccountAsync(admin, "Ander Anton", ["editor"]);

        var timeline = await Host.TimelineWhenAsync(auditor, $"item={item}", t => t.Entries.Length == 2);

        Assert.Equal(["Wachtwoord ingesteld", "Account aangemaakt"], timeline.Descriptions);
        Assert.All(timeline.Entries, e => Assert.Equal(item.ToString(), e.GetProperty("streamId").GetString()));
        var group = Assert.Single(timeline.Page.GetProperty("groups").EnumerateArray());
        Assert.Equal(2, group.GetProperty("entries").GetArrayLength());
        Assert.Equal("nieuwe redacteur", timeline.Entries[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Per_actor_shows_what_one_person_did_with_their_name_and_the_system_as_systeem()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var secondAdmin = await Host.OpenAccountAsync(admin, "Tweede Beheerder", ["admin"]);
        var cookie = await Host.LoginAsync(await EmailOfAsync(admin, secondAdmin), "een-lang-wachtwoord");
        var made = await Host.OpenAccountAsync(cookie, "Door Tweede", ["funder"]);

        var timeline = await Host.TimelineWhenAsync(auditor, $"actor={secondAdmin}",
            t => t.Entries.Length == 2 && t.Entries.All(e => e.GetProperty("actorName").GetString() == "Tweede Beheerder"));
        Assert.All(timeline.Entries, e => Assert.Equal(made.ToString(), e.GetProperty("streamId").GetString()));

        // The development accounts (and the seed imports) were made at start-up by no one in particular: the system.
        var system = await Host.TimelineWhenAsync(auditor, "actor=system&order=oldest&limit=500", t => t.Entries.Length > 0);
        Assert.All(system.Entries, e => Assert.Equal("systeem", e.GetProperty("actorName").GetString()));
        Assert.Contains(system.Entries, e => e.GetProperty("reason").GetString() == "dev-seed");
    }

    [Fact]
    public async Task Per_module_per_kind_and_combined()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var account = await Host.OpenAccountAsync(admin, "Soort Sofie", ["contributor"]);
        var version = (await Host.Scenario(s => { s.Get.Url($"/api/community/accounts/{account}"); s.As(admin); }))
            .ReadAsJson<JsonElement>().GetProperty("version").GetInt64();
        await Host.Scenario(s =>
        {
            s.Put.Json(new { roles = new[] { "contributor", "editor" }, expectedVersion = version, reason = "meer taken" })
                .ToUrl($"/api/community/accounts/{account}/roles");
            s.As(admin);
            s.StatusCodeShouldBe(200);
        });

        var granted = await Host.TimelineWhenAsync(auditor, $"kind=account_role_granted&item={account}", t => t.Entries.Length == 1);
        Assert.Equal("Rol redacteur toegekend", granted.Descriptions.Single());
        Assert.Equal("meer taken", granted.Entries[0].GetProperty("reason").GetString());
        // The stable name finds it as the bare name of before the module prefixes does (ADR 90).
        Assert.Single((await Host.TimelineAsync(auditor, $"kind=community.account_role_granted&item={account}")).Entries);

        var community = await Host.TimelineAsync(auditor, "module=community&limit=200");
        Assert.NotEmpty(community.Entries);
        Assert.All(community.Entries, e => Assert.Equal("community", e.GetProperty("module").GetString()));
        Assert.Empty((await Host.TimelineAsync(auditor, "module=bestaat-niet")).Entries);

        var adminId = (await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(admin); })).ReadAsJson<JsonElement>().GetProperty("id").GetString();
        var combined = await Host.TimelineAsync(auditor, $"actor={adminId}&kind=account_role_granted&module=community");
        Assert.Contains(combined.Entries, e => e.GetProperty("streamId").GetString() == account.ToString());
        Assert.All(combined.Entries, e => Assert.Equal("community.account_role_granted", e.GetProperty("eventType").GetString()));

        var options = (await Host.Scenario(s => { s.Get.Url("/api/audit/filters"); s.As(auditor); })).ReadAsJson<JsonElement>();
        Assert.Contains("community", options.GetProperty("modules").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(options.GetProperty("kinds").EnumerateArray(), k => k.GetProperty("eventType").GetString() == "community.account_role_granted");
        Assert.Contains(options.GetProperty("actors").EnumerateArray(), a => a.GetProperty("name").GetString() == "Bas Beheerder");
    }

    [Fact]
    public async Task Per_period_in_amsterdam_days_with_local_times()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var account = await Host.OpenAccountAsync(admin, "Periode Pim", ["funder"]);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);

        var inPeriod = await Host.TimelineWhenAsync(auditor, $"item={account}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}", t => t.Entries.Length == 2);
        foreach (var entry in inPeriod.Entries)
        {
            var local = TimeZoneInfo.ConvertTime(entry.GetProperty("timestamp").GetDateTimeOffset(), zone);
            Assert.Equal(local.ToString("dd-MM-yyyy HH:mm:ss"), entry.GetProperty("localTime").GetString());
        }
        Assert.Empty((await Host.TimelineAsync(auditor, $"item={account}&from={today.AddDays(1):yyyy-MM-dd}")).Entries);
        Assert.Empty((await Host.TimelineAsync(auditor, $"item={account}&to={today.AddDays(-1):yyyy-MM-dd}")).Entries);

        var problem = (await Host.Scenario(s =>
        {
            s.Get.Url($"/api/audit/timeline?from={today:yyyy-MM-dd}&to={today.AddDays(-3):yyyy-MM-dd}"); s.As(auditor);
            s.StatusCodeShouldBe(400);
        })).ShouldBeProblem(400);
        Assert.Contains("einddatum", problem.GetProperty("errors").ToString());
    }

    [Fact]
    public async Task Keyset_paging_walks_both_ways_newest_or_oldest_first()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var correlation = "paging-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 3; i++) await Host.OpenAccountAsync(admin, $"Pagina {i}", ["funder"], correlation: correlation);
        var all = await Host.TimelineWhenAsync(auditor, $"correlationId={correlation}&limit=50", t => t.Entries.Length == 6);
        var newestFirst = all.Positions;
        Assert.Equal(newestFirst.OrderDescending(), newestFirst);

        var first = await Host.TimelineAsync(auditor, $"correlationId={correlation}&limit=4");
        Assert.Equal(newestFirst[..4], first.Positions);
        Assert.Null(first.NewerAfter);
        var second = await Host.TimelineAsync(auditor, $"correlationId={correlation}&limit=4&before={first.OlderBefore}");
        Assert.Equal(newestFirst[4..], second.Positions);
        Assert.Null(second.OlderBefore);
        var back = await Host.TimelineAsync(auditor, $"correlationId={correlation}&limit=4&after={second.NewerAfter}");
        Assert.Equal(newestFirst[..4], back.Positions);

        var oldest = await Host.TimelineAsync(auditor, $"correlationId={correlation}&limit=4&order=oldest");
        Assert.Equal(newestFirst.Reverse().Take(4), oldest.Positions);
        Assert.Null(oldest.OlderBefore);
        var oldestNext = await Host.TimelineAsync(auditor, $"correlationId={correlation}&limit=4&order=oldest&after={oldest.NewerAfter}");
        Assert.Equal(newestFirst.Reverse().Skip(4), oldestNext.Positions);
        Assert.Null(oldestNext.NewerAfter);

        (await Host.Scenario(s =>
        {
            s.Get.Url("/api/audit/timeline?before=5&after=2"); s.As(auditor);
            s.StatusCodeShouldBe(400);
        })).ShouldBeProblem(400);
    }

    [Fact]
    public async Task Entries_of_one_action_are_grouped_and_different_actions_are_not()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var one = await Host.OpenAccountAsync(admin, "Groep Een", ["funder"]);
        var two = await Host.OpenAccountAsync(admin, "Groep Twee", ["funder"]);
        var adminId = (await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(admin); })).ReadAsJson<JsonElement>().GetProperty("id").GetString();

        var timeline = await Host.TimelineWhenAsync(auditor, $"actor={adminId}&limit=4", t => t.Entries.Any(e => e.GetProperty("streamId").GetString() == two.ToString()));
        var groups = timeline.Page.GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(2, groups.Length);
        Assert.Equal([two.ToString(), one.ToString()], groups.Select(g => g.GetProperty("entries")[0].GetProperty("streamId").GetString()));
        Assert.All(groups, g => Assert.Single(g.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("correlationId").GetString()).Distinct()));
    }

    [Fact]
    public async Task The_timeline_page_shows_filters_groups_and_dutch_errors()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var account = await Host.OpenAccountAsync(admin, "Pagina Paula", ["editor"], "voor de pagina");
        await Host.TimelineWhenAsync(auditor, $"item={account}",
            t => t.Entries.Length == 2 && t.Entries.All(e => e.GetProperty("actorName").GetString() == "Bas Beheerder"));

        var html = (await Host.Scenario(s => { s.Get.Url($"/audit?item={account}"); s.As(auditor); })).ReadAsText();
        Assert.Contains("<label for=\"veld-actor\">Persoon</label>", html);
        Assert.Contains("Eén handeling: 2 wijzigingen", html);
        Assert.Contains("Account aangemaakt", html);
        Assert.Contains("Reden: voor de pagina", html);
        Assert.Contains("Bas Beheerder", html);
        Assert.Contains($"/api/audit/export?format=jsonl&amp;item={account}", html);

        var wrong = await Host.Scenario(s =>
        {
            s.Get.Url("/audit?van=2026-05-01&tot=2026-04-01"); s.As(auditor);
            s.StatusCodeShouldBe(400);
        });
        Assert.Contains("role=\"alert\"", wrong.ReadAsText());
        Assert.Contains("De einddatum mag niet", System.Net.WebUtility.HtmlDecode(wrong.ReadAsText()));
        var garbage = await Host.Scenario(s =>
        {
            s.Get.Url("/audit?van=gisteren"); s.As(auditor);
            s.StatusCodeShouldBe(400);
        });
        Assert.Contains("geldige datum", garbage.ReadAsText());
    }

    private async Task<string> EmailOfAsync(string admin, Guid account) =>
        (await Host.Scenario(s => { s.Get.Url($"/api/community/accounts/{account}"); s.As(admin); })).ReadAsJson<JsonElement>()
        .GetProperty("email").GetString()!;
}
