using System.Text.Json;
using Alba;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Audit.Export;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Audit;

/// <summary>
/// What Marten leaves after a database crash: a position that stayed empty while the chain passed it, and a tombstone
/// written there later (docs/adr/0070, 0071).
/// </summary>
internal static class LateArrivalSupport
{
    /// <summary>
    /// A tombstone of a failed append in this process: the stream and shape Marten gives its tombstones. Marten writes it
    /// just after the failed save, into the positions the save drew; the daemon passes those positions once it is there.
    /// </summary>
    public static async Task<long> GenuineTombstoneAsync(this IAlbaHost host, string admin)
    {
        var account = await host.OpenAccountAsync(admin, "Botsende Bob", ["funder"]);
        await using (var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream(account, new Wijkengids.Audit.Watch.AuditActorLookedUp("botsing"));
            await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
        }
        await host.ProjectionsCaughtUpAsync();
        var found = await host.ScalarAsync<long>("select coalesce(max(seq_id), 0) from events.mt_events where type = 'tombstone'");
        Assert.True(found > 0, "Geen tombstone van de mislukte opslag.");
        return found;
    }

    /// <summary>
    /// A position that an append reserved and never filled, passed by the chain: the append was still open (or failing)
    /// while later events were chained. Returns the position and the last position chained after it.
    /// </summary>
    public static async Task<(long Empty, long After)> PositionPassedWhileEmptyAsync(this IAlbaHost host, string admin)
    {
        var empty = await host.ScalarAsync<long>("select nextval('events.mt_events_sequence')");
        var account = await host.OpenAccountAsync(admin, "Doorwerkende Dirk", ["editor"]);
        var after = (await host.SequencesOfAsync(account)).Max();
        await host.ChainedAsync(after);
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from events.mt_events where seq_id = $1", empty));
        return (empty, after);
    }

    /// <summary>Writes a tombstone at <paramref name="position"/> as Marten does when its failed append is cleaned up late.</summary>
    public static Task<int> WriteLateTombstoneAsync(this IAlbaHost host, long position, long genuine) =>
        host.ExecuteAsync(
            """
            insert into events.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived)
            select $1, gen_random_uuid(), t.stream_id, (select max(version) + 1 from events.mt_events where stream_id = t.stream_id),
                   t.data, t.type, t.timestamp, t.tenant_id, t.mt_dotnet_type, t.is_archived
            from events.mt_events t where t.seq_id = $2
            """, position, genuine);

    /// <summary>Waits until the daemon has chained every event stored so far; the chain must have a link for <paramref name="position"/>, whose number it returns.</summary>
    public static async Task<long> ChainedAsync(this IAlbaHost host, long position)
    {
        await host.ProjectionsCaughtUpAsync();
        var link = await host.ScalarAsync<long>("select coalesce(max(link), 0) from audit.hash_chain where seq = $1", position);
        Assert.True(link > 0, $"Geen schakel voor positie {position}.");
        return link;
    }

    public static async Task<JsonElement> VerifyAsync(this IAlbaHost host, string auditor, string query = "") =>
        (await host.Scenario(s => { s.Get.Url("/api/audit/verify" + query); s.As(auditor); })).ReadAsJson<JsonElement>();
}

/// <summary>A late tombstone after a crash is a late arrival in the chain, not a break, online and offline.</summary>
public sealed class LateTombstoneTests(HostFixture fixture) : IClassFixture<HostFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wijkengids-late-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_tombstone_written_below_the_chains_progress_is_chained_late_and_verifies_online_and_offline()
    {
        var host = fixture.Host;
        var admin = await host.LoginAsRoleAsync("admin");
        var auditor = await host.LoginAsRoleAsync("auditor");
        var genuine = await host.GenuineTombstoneAsync(admin);
        var (empty, after) = await host.PositionPassedWhileEmptyAsync(admin);
        Assert.Equal(1L, await host.ScalarAsync<long>(
            "select count(*) from audit.chain_gap where $1 between first_seq and last_seq", empty));

        Assert.Equal(1, await host.WriteLateTombstoneAsync(empty, genuine));
        // Before the daemon's next page the tombstone waits for the chain: counted, not an alarm.
        var waiting = await host.VerifyAsync(auditor);
        Assert.True(waiting.GetProperty("intact").GetBoolean(), waiting.ToString());

        await host.OpenAccountAsync(admin, "Volgende Vera", ["funder"]);
        var link = await host.ChainedAsync(empty);
        Assert.True(link > await host.ScalarAsync<long>("select link from audit.hash_chain where seq = $1", after),
            "de late tombstone komt na de schakels die de keten al had");
        Assert.Equal(await host.ScalarAsync<string>("select hash from audit.hash_chain where link = $1", link - 1),
            await host.ScalarAsync<string>("select previous from audit.hash_chain where link = $1", link));

        var verified = await host.VerifyAsync(auditor);
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());
        Assert.Equal(0, verified.GetProperty("breakCount").GetInt64());
        Assert.True(verified.GetProperty("lateLinks").GetInt64() >= 1, verified.ToString());
        var range = await host.VerifyAsync(auditor, $"?from={empty}&to={after}");
        Assert.True(range.GetProperty("intact").GetBoolean(), range.ToString());

        var page = (await host.Scenario(s => { s.Get.Url("/audit/verificatie?controleer=1"); s.As(auditor); })).ReadAsText();
        Assert.Contains("De keten is intact", page);
        Assert.Contains("Laat opgenomen", page);
        var entry = (await host.TimelineWhenAsync(auditor, "kind=tombstone", t => t.Positions.Contains(empty))).Entries
            .Single(e => e.GetProperty("position").GetInt64() == empty);
        Assert.StartsWith("Lege positie", entry.GetProperty("description").GetString());

        var export = (await host.Scenario(s => { s.Get.Url("/api/audit/export?format=jsonl"); s.As(auditor); s.StatusCodeShouldBe(200); })).ReadAsText();
        var path = Path.Combine(_folder, "volledig.jsonl");
        await File.WriteAllTextAsync(path, export);
        var offline = await OfflineVerifier.VerifyAsync(path, CancellationToken.None);
        Assert.True(offline.Passed(complete: true), string.Join("\n", OfflineVerifier.Describe(path, offline, true)));
        Assert.Equal(0, offline.Gaps);
        Assert.True(offline.LateArrivals >= 1);
        Assert.Contains(OfflineVerifier.Describe(path, offline, true), line => line.StartsWith("Laat opgenomen", StringComparison.Ordinal));

        var newest = (await host.Scenario(s => { s.Get.Url("/api/audit/export?format=csv&order=newest"); s.As(auditor); })).ReadAsText();
        var newestPath = Path.Combine(_folder, "nieuwste.csv");
        await File.WriteAllTextAsync(newestPath, newest);
        Assert.True((await OfflineVerifier.VerifyAsync(newestPath, CancellationToken.None)).Passed(complete: true));
    }
}

/// <summary>A break that the code before docs/adr/0070 left is repaired by a command that records what it did.</summary>
public sealed class ChainRepairTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Repair_chain_takes_an_old_style_late_tombstone_into_the_chain_and_records_an_event()
    {
        var host = fixture.Host;
        var admin = await host.LoginAsRoleAsync("admin");
        var auditor = await host.LoginAsRoleAsync("auditor");
        var genuine = await host.GenuineTombstoneAsync(admin);
        var (empty, _) = await host.PositionPassedWhileEmptyAsync(admin);
        // The code before ADR 70 did not watch empty positions: forget the watch, as such a database never had it.
        await host.ExecuteAsync("delete from audit.chain_gap where $1 between first_seq and last_seq", empty);
        await host.WriteLateTombstoneAsync(empty, genuine);
        var next = await host.OpenAccountAsync(admin, "Latere Lars", ["funder"]);
        await host.ChainedAsync((await host.SequencesOfAsync(next)).Max());

        var broken = await host.VerifyAsync(auditor);
        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal(empty, broken.GetProperty("firstBreak").GetProperty("position").GetInt64());
        Assert.Equal("toegevoegd", broken.GetProperty("firstBreak").GetProperty("kind").GetString());

        var output = new StringWriter();
        var code = await new AuditCommand(output).RunAsync(["repair-chain", "--door", "Beheerder Henk", "--reden", "herstel na crash"],
            host.Services, CancellationToken.None);
        Assert.True(code == 0, output.ToString());
        Assert.Contains($"positie(s) {empty}", output.ToString());
        Assert.Contains("Opgenomen in de keten", output.ToString());

        var repaired = await host.VerifyAsync(auditor);
        Assert.True(repaired.GetProperty("intact").GetBoolean(), repaired.ToString());
        Assert.True(repaired.GetProperty("lateLinks").GetInt64() >= 1);

        var recorded = JsonDocument.Parse(await host.ScalarAsync<string>(
            "select json_build_object('data', data, 'actor', user_name, 'reason', headers->>'reason')::text from events.mt_events where type = 'audit.hash_chain_repaired'")).RootElement;
        Assert.Equal(empty, recorded.GetProperty("data").GetProperty("Positions")[0].GetInt64());
        Assert.Equal("Beheerder Henk", recorded.GetProperty("data").GetProperty("Operator").GetString());
        Assert.Equal("herstel na crash", recorded.GetProperty("reason").GetString());
        var trail = await host.TimelineWhenAsync(auditor, "kind=hash_chain_repaired", t => t.Entries.Length == 1);
        Assert.Equal($"Hashketen hersteld: 1 late tombstone(s) op positie(s) {empty} als late schakels opgenomen", trail.Descriptions.Single());

        var again = new StringWriter();
        Assert.Equal(0, await new AuditCommand(again).RunAsync(["repair-chain"], host.Services, CancellationToken.None));
        Assert.Contains("Niets te herstellen", again.ToString());
    }
}

/// <summary>Late arrivals do not open a door for tampering: an event slipped in where the chain stopped watching is reported.</summary>
public sealed class InsertedEventTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task An_event_inserted_at_a_position_no_longer_watched_is_reported_and_not_repaired()
    {
        var host = fixture.Host;
        var admin = await host.LoginAsRoleAsync("admin");
        var auditor = await host.LoginAsRoleAsync("auditor");
        var victim = await host.OpenAccountAsync(admin, "Echte Emma", ["funder"]);
        var template = (await host.SequencesOfAsync(victim)).First();
        var (empty, _) = await host.PositionPassedWhileEmptyAsync(admin);
        // A day later nobody is still appending there.
        await host.ExecuteAsync("update audit.chain_gap set noticed = now() - interval '25 hours' where $1 between first_seq and last_seq", empty);

        Assert.Equal(1, await host.ExecuteAsync(
            """
            insert into events.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived, user_name)
            select $1, gen_random_uuid(), stream_id, (select max(version) + 1 from events.mt_events where stream_id = t.stream_id), jsonb_set(data, '{Roles}', '["admin"]'), type, timestamp, tenant_id,
                   mt_dotnet_type, is_archived, user_name
            from events.mt_events t where seq_id = $2
            """, empty, template));
        var next = await host.OpenAccountAsync(admin, "Latere Lieke", ["funder"]);
        await host.ChainedAsync((await host.SequencesOfAsync(next)).Max());

        var result = await host.VerifyAsync(auditor);
        Assert.False(result.GetProperty("intact").GetBoolean());
        Assert.Equal(empty, result.GetProperty("firstBreak").GetProperty("position").GetInt64());
        Assert.Equal("toegevoegd", result.GetProperty("firstBreak").GetProperty("kind").GetString());
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from audit.hash_chain where seq = $1", empty));

        var output = new StringWriter();
        Assert.Equal(1, await new AuditCommand(output).RunAsync(["repair-chain"], host.Services, CancellationToken.None));
        Assert.Contains($"Niet hersteld: positie {empty} (community.account_opened)", output.ToString());
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from events.mt_events where type = 'audit.hash_chain_repaired'"));
    }
}

/// <summary>A database whose chain was built before link numbers existed keeps its links and verifies after the upgrade.</summary>
public sealed class ChainMigrationTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Adding_link_numbers_numbers_the_old_links_by_position_and_keeps_their_hashes()
    {
        var host = fixture.Host;
        var admin = await host.LoginAsRoleAsync("admin");
        var auditor = await host.LoginAsRoleAsync("auditor");
        var account = await host.OpenAccountAsync(admin, "Oude Olaf", ["editor"]);
        await host.ChainedAsync((await host.SequencesOfAsync(account)).Max());

        var coordinator = host.Services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        string before;
        try
        {
            before = await host.ScalarAsync<string>("select string_agg(seq || ':' || hash, ',' order by seq) from audit.hash_chain");
            // The shape of the table before ADR 70.
            await host.ExecuteAsync("alter table audit.hash_chain drop column link");
            await host.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }
        finally
        {
            await coordinator.ResumeAsync();
        }

        Assert.Equal(before, await host.ScalarAsync<string>(
            "select string_agg(seq || ':' || hash, ',' order by seq) from audit.hash_chain where seq <= $1", long.Parse(before.Split(',')[^1].Split(':')[0])));
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from audit.hash_chain where link is null or link <> seq and seq <= $1",
            long.Parse(before.Split(',')[^1].Split(':')[0])));
        var later = await host.OpenAccountAsync(admin, "Nieuwe Nina", ["editor"]);
        await host.ChainedAsync((await host.SequencesOfAsync(later)).Max());
        var verified = await host.VerifyAsync(auditor);
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());
    }
}
