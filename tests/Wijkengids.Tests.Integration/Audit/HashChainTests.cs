using Microsoft.Extensions.DependencyInjection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alba;
using Wijkengids.Audit.Integrity;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Audit;

/// <summary>The hash chain over the global event sequence: built by the daemon, verifiable, with public day checkpoints.</summary>
[Collection(SharedHosts.Audit)]
public sealed class HashChainTests(AuditHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task An_untouched_history_verifies_and_every_event_is_linked_to_the_one_before()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        await Host.OpenAccountAsync(admin, "Keten Kees", ["editor"], "proef");
        var last = await Host.LastSequenceAsync();

        var result = await Host.VerifiedThroughAsync(auditor, last);

        Assert.True(result.GetProperty("intact").GetBoolean(), result.ToString());
        Assert.Equal(0, result.GetProperty("breakCount").GetInt64());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("firstBreak").ValueKind);
        Assert.True(result.GetProperty("checked").GetInt64() >= last - 1);
        // One statement, one snapshot: the chain keeps growing while the test reads (access-log events).
        var unlinked = await Host.ScalarAsync<long>(
            "select (select count(*) from audit.hash_chain) - 1 - " +
            "(select count(*) from audit.hash_chain c join audit.hash_chain p on p.hash = c.previous where c.seq > p.seq)");
        Assert.Equal(0, unlinked);
        Assert.Equal(ChainHash.Genesis, await Host.ScalarAsync<string>("select previous from audit.hash_chain order by seq limit 1"));
    }

    [Fact]
    public async Task A_link_is_the_sha256_of_the_documented_canonical_text()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var account = await Host.OpenAccountAsync(admin, "Hash Hanna", ["funder"], "reden met \"aanhalingstekens\" en é");
        var position = (await Host.SequencesOfAsync(account)).First();
        await Host.VerifiedThroughAsync(auditor, position);

        // Rebuilt here from the raw row, independently of the module's code path for reading events.
        var previous = await Host.ScalarAsync<string>("select previous from audit.hash_chain where seq = $1", position);
        var row = await Host.ScalarAsync<string>(
            """
            select jsonb_build_object('actor', user_name, 'causation', causation_id, 'correlation', correlation_id, 'data', data,
              'eventId', id::text, 'headers', headers, 'previous', $2::text, 'sequence', seq_id, 'streamId', stream_id::text,
              'timestamp', to_char(timestamp at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'type', type, 'version', version)::text
            from events.mt_events where seq_id = $1
            """, position, previous);
        var canonical = CanonicalJson.Canonicalise(row);
        Assert.Contains("\"reason\":\"reden met \\\"aanhalingstekens\\\" en é\"", canonical);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

        Assert.Equal(expected, await Host.ScalarAsync<string>("select hash from audit.hash_chain where seq = $1", position));
    }

    [Fact]
    public async Task Day_checkpoints_are_public_and_end_in_the_hash_of_the_days_last_link()
    {
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var last = await Host.LastSequenceAsync();
        await Host.VerifiedThroughAsync(auditor, last);

        var page = (await Host.Scenario(s => s.Get.Url("/api/audit/checkpoints"))).ReadAsJson<JsonElement>();
        var today = page.GetProperty("checkpoints")[0];
        var lastSeq = today.GetProperty("lastPosition").GetInt64();
        Assert.True(lastSeq >= last);
        Assert.False(today.GetProperty("closed").GetBoolean());
        Assert.Equal(await Host.ScalarAsync<string>("select hash from audit.hash_chain where seq = $1", lastSeq),
            today.GetProperty("hash").GetString());
        Assert.Equal(await Host.ScalarAsync<long>("select count(*) from audit.hash_chain where seq <= $1", lastSeq), today.GetProperty("events").GetInt64());
    }

    [Fact]
    public async Task A_range_can_be_verified_and_a_wrong_range_is_a_dutch_problem()
    {
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var last = await Host.LastSequenceAsync();
        var whole = await Host.VerifiedThroughAsync(auditor, last);
        var to = whole.GetProperty("to").GetInt64();

        var range = (await Host.Scenario(s => { s.Get.Url($"/api/audit/verify?from=2&to={to}"); s.As(auditor); })).ReadAsJson<JsonElement>();
        Assert.True(range.GetProperty("intact").GetBoolean());
        Assert.Equal(2, range.GetProperty("from").GetInt64());
        Assert.Equal(whole.GetProperty("lastHash").GetString(), range.GetProperty("lastHash").GetString());

        var problem = (await Host.Scenario(s =>
        {
            s.Get.Url("/api/audit/verify?from=5&to=2"); s.As(auditor);
            s.StatusCodeShouldBe(400);
        })).ShouldBeProblem(400);
        Assert.Contains("vóór de eerste", problem.GetProperty("errors").ToString());
    }

    [Fact]
    public void Canonical_json_sorts_members_keeps_numbers_and_escapes_minimally()
    {
        Assert.Equal("{\"a\":[1,2.50,{\"x\":null,\"y\":true}],\"b\":\"é\\n\\u0001\\\"\"}",
            CanonicalJson.Canonicalise("{ \"b\": \"\\u00e9\\n\\u0001\\\"\", \"a\": [1, 2.50, {\"y\": true, \"x\": null}] }"));
        var once = CanonicalJson.Canonicalise("{\"Z\":1,\"a\":2,\"É\":3}");
        Assert.Equal("{\"Z\":1,\"a\":2,\"É\":3}", once);
        Assert.Equal(once, CanonicalJson.Canonicalise(once));
    }

    [Fact]
    public async Task The_public_integrity_page_lists_todays_checkpoint_without_signing_in()
    {
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var verified = await Host.VerifiedThroughAsync(auditor, await Host.LastSequenceAsync());
        var page = await Host.Scenario(s => s.Get.Url("/integriteit"));
        var html = page.ReadAsText();
        Assert.Contains("<h1>Integriteit van de geschiedenis</h1>", html);
        Assert.Contains("loopt nog (vandaag)", html);
        // The newest checkpoint still moves (every look is an event), so check the page against itself: the hash shown
        // is the stored link at the last position shown.
        var row = System.Text.RegularExpressions.Regex.Match(html, @"<td>(\d+) – (\d+)</td>\s*<td>\d+</td>\s*<td><code class=""hash"">([0-9a-f]{64})</code>");
        Assert.True(row.Success, html);
        Assert.Equal(row.Groups[3].Value, await Host.ScalarAsync<string>("select hash from audit.hash_chain where seq = $1", long.Parse(row.Groups[2].Value)));
        Assert.NotNull(verified.GetProperty("lastHash").GetString());
    }

    [Fact]
    public async Task The_verification_page_runs_on_request_and_explains_bad_input_in_dutch()
    {
        var auditor = await Host.LoginAsRoleAsync("auditor");
        await Host.VerifiedThroughAsync(auditor, await Host.LastSequenceAsync());

        var form = (await Host.Scenario(s => { s.Get.Url("/audit/verificatie"); s.As(auditor); })).ReadAsText();
        Assert.Contains("<label for=\"veld-van\">Vanaf positie</label>", form);
        Assert.DoesNotContain("Uitkomst", form);

        var ok = (await Host.Scenario(s => { s.Get.Url("/audit/verificatie?controleer=1"); s.As(auditor); })).ReadAsText();
        Assert.Contains("De keten is intact", ok);

        var wrong = (await Host.Scenario(s =>
        {
            s.Get.Url("/audit/verificatie?controleer=1&van=9&tot=3"); s.As(auditor);
            s.StatusCodeShouldBe(400);
        })).ReadAsText();
        Assert.Contains("role=\"alert\"", wrong);
        Assert.Contains("mag niet vóór de eerste liggen", System.Net.WebUtility.HtmlDecode(wrong));

        var notANumber = await Host.Scenario(s =>
        {
            s.Get.Url("/audit/verificatie?controleer=1&van=abc"); s.As(auditor);
            s.StatusCodeShouldBe(400);
        });
        Assert.Contains("hele getallen", notANumber.ReadAsText());
    }
}

/// <summary>A failed append leaves Marten tombstones (timestamp -infinity): chained and shown, but at a real time and day.</summary>
public sealed class TombstoneTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_failed_append_leaves_a_tombstone_that_is_chained_shown_at_a_real_time_and_counted_on_a_real_day()
    {
        var host = fixture.Host;
        var admin = await host.LoginAsRoleAsync("admin");
        var auditor = await host.LoginAsRoleAsync("auditor");
        var account = await host.OpenAccountAsync(admin, "Bestaand Bert", ["funder"]);

        await using (var session = host.Services.GetRequiredService<Marten.IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream(account, new Wijkengids.Audit.Watch.AuditActorLookedUp("botsing"));
            await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
        }
        // Marten writes the tombstone just after the failed save; the daemon passes its position once it is there.
        await host.ProjectionsCaughtUpAsync();
        var position = await host.ScalarAsync<long>("select coalesce(max(seq_id), 0) from events.mt_events where type = 'tombstone'");
        Assert.True(position > 0, "Geen tombstone van de mislukte opslag.");

        var verified = await host.VerifiedThroughAsync(auditor, position);
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());
        var entry = (await host.TimelineWhenAsync(auditor, "kind=tombstone", t => t.Positions.Contains(position))).Entries
            .Single(e => e.GetProperty("position").GetInt64() == position);
        Assert.StartsWith("Lege positie", entry.GetProperty("description").GetString());
        Assert.True(entry.GetProperty("timestamp").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(-1));
        Assert.Equal(0, await host.ScalarAsync<long>("select count(*) from audit.chain_checkpoint where day < '2000-01-01'"));
    }
}
