using System.Text.Json;
using Alba;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Audit;

/// <summary>Someone with database access alters a stored event: verification names the first broken position.</summary>
public sealed class AlteredEventTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Verification_names_the_altered_event_and_only_that_one()
    {
        var host = fixture.Host;
        var admin = await host.LoginAsRoleAsync("admin");
        var auditor = await host.LoginAsRoleAsync("auditor");
        var victim = await host.OpenAccountAsync(admin, "Gewijzigde Gerda", ["contributor"]);
        await host.OpenAccountAsync(admin, "Latere Lotte", ["editor"]);
        var target = (await host.SequencesOfAsync(victim)).First();
        await host.VerifiedThroughAsync(auditor, await host.LastSequenceAsync());

        // Grant the victim the admin role after the fact, directly in PostgreSQL.
        Assert.Equal(1, await host.ExecuteAsync(
            "update events.mt_events set data = jsonb_set(data, '{Roles}', '[\"admin\"]') where seq_id = $1", target));

        // From this test's own first event to the end: the other test of this class tampers with its own events.
        var result = (await host.Scenario(s => { s.Get.Url($"/api/audit/verify?from={target}"); s.As(auditor); })).ReadAsJson<JsonElement>();
        Assert.False(result.GetProperty("intact").GetBoolean());
        Assert.Equal(target, result.GetProperty("firstBreak").GetProperty("position").GetInt64());
        Assert.Equal("gewijzigd", result.GetProperty("firstBreak").GetProperty("kind").GetString());
        Assert.Equal(1, result.GetProperty("breakCount").GetInt64());

        var after = (await host.Scenario(s => { s.Get.Url($"/api/audit/verify?from={target + 1}"); s.As(auditor); })).ReadAsJson<JsonElement>();
        Assert.True(after.GetProperty("intact").GetBoolean(), "na de gewijzigde positie klopt de keten weer");
    }

    [Fact]
    public async Task Changing_only_the_metadata_breaks_the_chain_too()
    {
        var host = fixture.Host;
        var admin = await host.LoginAsRoleAsync("admin");
        var auditor = await host.LoginAsRoleAsync("auditor");
        var account = await host.OpenAccountAsync(admin, "Meta Mies", ["funder"], "oorspronkelijke reden");
        var target = (await host.SequencesOfAsync(account)).Last();
        await host.VerifiedThroughAsync(auditor, target);

        await host.ExecuteAsync("update events.mt_events set headers = '{\"reason\": \"andere reden\"}' where seq_id = $1", target);

        var result = (await host.Scenario(s => { s.Get.Url($"/api/audit/verify?from={target}&to={target}"); s.As(auditor); })).ReadAsJson<JsonElement>();
        Assert.Equal(target, result.GetProperty("firstBreak").GetProperty("position").GetInt64());
        Assert.Equal("gewijzigd", result.GetProperty("firstBreak").GetProperty("kind").GetString());
    }
}

/// <summary>Someone with database access deletes a stored event: verification names its position.</summary>
public sealed class DeletedEventTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Verification_names_the_deleted_event()
    {
        var host = fixture.Host;
        var admin = await host.LoginAsRoleAsync("admin");
        var auditor = await host.LoginAsRoleAsync("auditor");
        var victim = await host.OpenAccountAsync(admin, "Verdwenen Vera", ["contributor"]);
        await host.OpenAccountAsync(admin, "Blijvende Bert", ["editor"]);
        var events = await host.SequencesOfAsync(victim);
        var target = events.Last();
        await host.VerifiedThroughAsync(auditor, await host.LastSequenceAsync());

        Assert.Equal(1, await host.ExecuteAsync("delete from events.mt_events where seq_id = $1", target));

        // From this test's own first event to the end: the other test of this class tampers with its own events.
        var result = (await host.Scenario(s => { s.Get.Url($"/api/audit/verify?from={events.First()}"); s.As(auditor); })).ReadAsJson<JsonElement>();
        Assert.False(result.GetProperty("intact").GetBoolean());
        Assert.Equal(target, result.GetProperty("firstBreak").GetProperty("position").GetInt64());
        Assert.Equal("verwijderd", result.GetProperty("firstBreak").GetProperty("kind").GetString());
        Assert.Equal(1, result.GetProperty("breakCount").GetInt64());
    }

    [Fact]
    public async Task Rewriting_a_link_in_the_chain_table_is_caught_by_the_next_link_and_the_checkpoint()
    {
        var host = fixture.Host;
        var admin = await host.LoginAsRoleAsync("admin");
        var auditor = await host.LoginAsRoleAsync("auditor");
        var account = await host.OpenAccountAsync(admin, "Schakel Sam", ["funder"]);
        await host.OpenAccountAsync(admin, "Volgende Vincent", ["funder"]);
        var target = (await host.SequencesOfAsync(account)).First();
        await host.VerifiedThroughAsync(auditor, await host.LastSequenceAsync());

        await host.ExecuteAsync("update audit.hash_chain set hash = repeat('f', 64) where seq = $1", target);

        var result = (await host.Scenario(s => { s.Get.Url($"/api/audit/verify?from={target}"); s.As(auditor); })).ReadAsJson<JsonElement>();
        Assert.False(result.GetProperty("intact").GetBoolean());
        Assert.Equal(target, result.GetProperty("firstBreak").GetProperty("position").GetInt64());
    }
}
