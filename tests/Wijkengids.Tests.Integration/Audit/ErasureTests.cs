using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Audit.Export;
using Wijkengids.Community.Contracts;
using Wijkengids.SharedKernel;
using Wijkengids.Tests.Integration.Infrastructure;
using Wolverine;

namespace Wijkengids.Tests.Integration.Audit;

/// <summary>
/// Erasure keeps the trail: after Community's ErasureRequested the person's name is gone from every view and export,
/// the timeline shows that, when and on whose decision it happened, and the hash chain still verifies.
/// </summary>
public sealed class ErasureTests(HostFixture fixture) : IClassFixture<HostFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wijkengids-erasure-").FullName;
    private IAlbaHost Host => fixture.Host;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task After_an_erasure_the_name_is_gone_everywhere_the_erasure_is_on_the_timeline_and_the_chain_verifies()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var adminId = await IdOfAsync(admin);
        var person = await Host.OpenAccountAsync(admin, "Wis Willem", ["admin"]);
        var email = (await Host.Scenario(s => { s.Get.Url($"/api/community/accounts/{person}"); s.As(admin); })).ReadAsJson<JsonElement>()
            .GetProperty("email").GetString()!;
        var willem = await Host.LoginAsync(email, "een-lang-wachtwoord");
        var made = await Host.OpenAccountAsync(willem, "Door Willem", ["funder"], "mijn eigen reden");
        await Host.TimelineWhenAsync(auditor, $"actor={person}",
            t => t.Entries.Length == 2 && t.Entries.All(e => e.GetProperty("actorName").GetString() == "Wis Willem"));
        var before = await Host.ScalarAsync<string>("select string_agg(data::text, '|' order by seq_id) from events.mt_events where stream_id = $1", person);

        // What Community does on an erasure: delete the person's key, then tell every module (and wait until they heard it).
        await Host.TrackedAsync(async _ =>
        {
            using var scope = Host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IPersonalDataVault>().EraseAsync(person, adminId);
            await scope.ServiceProvider.GetRequiredService<IMessageBus>()
                .PublishAsync(new ErasureRequested(person, adminId, "verzoek van betrokkene", DateTimeOffset.UtcNow));
        });

        var actor = (await Host.Scenario(s => { s.Get.Url($"/api/audit/actors/{person}"); s.As(auditor); })).ReadAsJson<JsonElement>();
        Assert.True(actor.GetProperty("erased").GetBoolean(), actor.ToString());
        Assert.Equal("gewiste persoon", actor.GetProperty("displayName").GetString());
        Assert.Equal(adminId, actor.GetProperty("erasedBy").GetString());

        // The person's own entries: no name, no reason in their words.
        var own = await Host.TimelineAsync(auditor, $"actor={person}");
        Assert.Equal(2, own.Entries.Length);
        Assert.All(own.Entries, e => Assert.Equal("gewiste persoon", e.GetProperty("actorName").GetString()));
        Assert.All(own.Entries, e => Assert.Equal("(gewist)", e.GetProperty("reason").GetString()));
        Assert.Equal("Bas Beheerder", own.Page.GetProperty("erasure").GetProperty("erasedByName").GetString());

        // The erasure itself: when, on whose decision, why.
        var erasure = await Host.TimelineWhenAsync(auditor, "kind=personal_data_erasure_recorded", t => t.Entries.Length == 1);
        var entry = erasure.Entries.Single();
        Assert.Contains(person.ToString(), entry.GetProperty("description").GetString());
        Assert.Equal("Bas Beheerder", entry.GetProperty("actorName").GetString());
        Assert.Equal("verzoek van betrokkene", entry.GetProperty("reason").GetString());
        Assert.Equal("audit", entry.GetProperty("module").GetString());

        // The page says so too, without the name.
        var page = System.Net.WebUtility.HtmlDecode((await Host.Scenario(s => { s.Get.Url($"/audit?actor={person}"); s.As(auditor); })).ReadAsText());
        Assert.Contains("zijn gewist (AVG)", page);
        Assert.Contains("op besluit van\n            Bas Beheerder", page);
        Assert.DoesNotContain("Wis Willem", page);
        Assert.DoesNotContain("mijn eigen reden", page);

        // Events are untouched; the chain verifies; an export holds no name and verifies offline.
        Assert.Equal(before, await Host.ScalarAsync<string>("select string_agg(data::text, '|' order by seq_id) from events.mt_events where stream_id = $1", person));
        var last = await Host.LastSequenceAsync();
        var verified = await Host.VerifiedThroughAsync(auditor, last);
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());
        var export = (await Host.Scenario(s => { s.Get.Url("/api/audit/export?format=jsonl"); s.As(auditor); })).ReadAsText();
        Assert.DoesNotContain("Wis Willem", export);
        Assert.DoesNotContain("mijn eigen reden\"", export.Split('\n').Where(l => l.Contains("\"reason\":\"mijn eigen reden\"")));
        Assert.Contains($"\"actor\":\"{person}\"", export);
        var path = Path.Combine(_folder, "na-wissen.jsonl");
        await File.WriteAllTextAsync(path, export);
        Assert.True((await OfflineVerifier.VerifyAsync(path, CancellationToken.None)).Passed(complete: true));
        _ = made;
    }

    [Fact]
    public async Task A_repeated_erasure_or_a_late_account_message_changes_nothing()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var adminId = await IdOfAsync(admin);
        var person = await Host.OpenAccountAsync(admin, "Twee Keer", ["contributor"]);
        // Opening the account waited for its messages: Audit knows the name.
        await Host.Scenario(s => { s.Get.Url($"/api/audit/actors/{person}"); s.As(auditor); s.StatusCodeShouldBe(200); });

        var message = new ErasureRequested(person, adminId, "dubbel bericht", DateTimeOffset.UtcNow);
        await Host.TrackedAsync(async _ =>
        {
            using var scope = Host.Services.CreateScope();
            var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
            await bus.PublishAsync(message);
            await bus.PublishAsync(message);
        });
        await Host.TimelineWhenAsync(auditor, $"kind=personal_data_erasure_recorded", t => t.Entries.Any(e => e.GetProperty("description").GetString()!.Contains(person.ToString())));
        await Host.PublishAndWaitAsync(new AccountOpened(person, "Twee Keer", ["contributor"], DateTimeOffset.UtcNow));
        // Whatever that late message appended is committed now; let the timeline catch up with it.
        var last = await Host.LastSequenceAsync();
        await Host.TimelineWhenAsync(auditor, "limit=1", t => t.Positions.FirstOrDefault() >= last);

        var erasures = await Host.TimelineAsync(auditor, "kind=personal_data_erasure_recorded&limit=100");
        Assert.Single(erasures.Entries, e => e.GetProperty("description").GetString()!.Contains(person.ToString()));
        var actor = (await Host.Scenario(s => { s.Get.Url($"/api/audit/actors/{person}"); s.As(auditor); })).ReadAsJson<JsonElement>();
        Assert.Equal("gewiste persoon", actor.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task The_audit_answers_a_persons_right_of_access_with_their_name_and_their_changes()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var adminId = Guid.Parse(await IdOfAsync(admin));
        await Host.OpenAccountAsync(admin, "Inzage Ineke", ["editor"], "inzage");
        await Host.TimelineWhenAsync(auditor, $"actor={adminId}",
            t => t.Entries.Length >= 2 && t.Entries.All(e => e.GetProperty("actorName").GetString() == "Bas Beheerder"));

        using var scope = Host.Services.CreateScope();
        var section = await scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(s => s.GetType().Namespace!.StartsWith("Wijkengids.Audit"))
            .ExportAsync(new PersonalDataSubject(adminId, "admin@wijkengids.test"));
        Assert.Equal("audit", section.Module);
        Assert.Contains(section.Items, i => i.Kind == "naam in de geschiedenis" && i.Fields["naam"] == "Bas Beheerder");
        Assert.Contains(section.Items, i => i.Kind == "wijziging door u" && i.Fields["wat"] == "Account aangemaakt" && i.Fields["reden"] == "inzage");
    }

    private async Task<string> IdOfAsync(string cookie) =>
        (await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); })).ReadAsJson<JsonElement>().GetProperty("id").GetString()!;
}
