using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Platform;

public sealed class ReadinessFixture : HostFixture
{
    /// <summary>A minute: only events the test dates back wait longer, however slowly the machine runs.</summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Health:ProjectionLagSeconds"] = "60" };
}

/// <summary>Readiness is degraded while a projection leaves events waiting, and healthy again once it caught up (docs/adr/0084).</summary>
public sealed class ReadinessTests(ReadinessFixture fixture) : IClassFixture<ReadinessFixture>
{
    [Fact]
    public async Task Readiness_is_degraded_while_a_projection_leaves_events_waiting_and_healthy_when_it_caught_up()
    {
        var host = fixture.Host;
        await host.ProjectionsCaughtUpAsync();
        await ReadinessIsAsync(HealthStatus.Healthy);

        // A projection that cannot write its progress (as when it hangs): its progress row is locked.
        var store = (JasperFx.Events.IEventStore)host.Services.GetRequiredService<IDocumentStore>();
        var shard = store.RegisteredShardNames().First().Identity;
        await using var db = new NpgsqlConnection(host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Wijkengids"));
        await db.OpenAsync();
        await using var hold = await db.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("select name from events.mt_event_progression where name = @name for update", db, hold))
        {
            lockRow.Parameters.AddWithValue("name", shard);
            Assert.Equal(shard, await lockRow.ExecuteScalarAsync());
        }

        // An event that the held projection cannot process.
        var admin = await host.LoginAsRoleAsync("admin");
        var connection = host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Wijkengids");
        var before = await ScalarAsync(connection, "select coalesce(max(seq_id), 0) from events.mt_events");
        await host.Scenario(s =>
        {
            s.Post.Json(new { email = $"wacht-{Guid.NewGuid():N}@example.nl", displayName = "Wanda Wacht", password = "een-lang-wachtwoord", roles = new[] { "editor" } })
                .ToUrl("/api/community/accounts");
            s.As(admin);
            s.StatusCodeShouldBe(201);
        });
        // Just stored, it does not count yet; once it has waited longer than allowed it does. It is dated back ten minutes
        // rather than waited for.
        await ReadinessIsAsync(HealthStatus.Healthy);
        await ScalarAsync(connection, $"update events.mt_events set timestamp = timestamp - interval '10 minutes' where seq_id > {before}");

        var degraded = await ReadinessIsAsync(HealthStatus.Degraded);
        Assert.Contains(shard, degraded.Entries["projection-daemon"].Description);
        var page = await host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBe(200); });
        Assert.Equal("Degraded", page.ReadAsText());

        await hold.RollbackAsync();
        await host.ProjectionsCaughtUpAsync();
        await ReadinessIsAsync(HealthStatus.Healthy);
        var ready = await host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBe(200); });
        Assert.Equal("Healthy", ready.ReadAsText());
    }

    private async Task<HealthReport> ReadinessIsAsync(HealthStatus status)
    {
        var report = await fixture.Host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));
        var seen = report.Entries.Select(x => $"{x.Key}: {x.Value.Status} {x.Value.Description} {x.Value.Exception?.Message}");
        Assert.True(report.Status == status, $"Gereedheid {status} verwacht, niet {report.Status} ({string.Join("; ", seen)})");
        return report;
    }

    private static async Task<object?> ScalarAsync(string? connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return await command.ExecuteScalarAsync();
    }
}
