using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration;

public sealed class ReadinessFixture : HostFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Health:ProjectionLagSeconds"] = "1" };
}

/// <summary>Readiness is degraded while a projection leaves events waiting, and healthy again once it caught up (docs/adr/0084).</summary>
public sealed class ReadinessTests(ReadinessFixture fixture) : IClassFixture<ReadinessFixture>
{
    [Fact]
    public async Task Readiness_is_degraded_while_a_projection_leaves_events_waiting_and_healthy_when_it_caught_up()
    {
        var host = fixture.Host;
        await ReadinessBecomesAsync(HealthStatus.Healthy);

        var store = host.Services.GetRequiredService<IDocumentStore>();
        var shard = store.Advanced.AllAsyncProjectionShardNames().First().Identity;
        var daemon = host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.StopAgentAsync(shard);

        // An event that the stopped projection does not process.
        var admin = await host.LoginAsRoleAsync("admin");
        await host.Scenario(s =>
        {
            s.Post.Json(new { email = $"wacht-{Guid.NewGuid():N}@example.nl", displayName = "Wanda Wacht", password = "een-lang-wachtwoord", roles = new[] { "editor" } })
                .ToUrl("/api/community/accounts");
            s.As(admin);
            s.StatusCodeShouldBe(201);
        });

        var degraded = await ReadinessBecomesAsync(HealthStatus.Degraded);
        Assert.Contains(shard, degraded.Entries["projection-daemon"].Description);
        var page = await host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBe(200); });
        Assert.Equal("Degraded", page.ReadAsText());

        await daemon.StartAgentAsync(shard, CancellationToken.None);
        await ReadinessBecomesAsync(HealthStatus.Healthy);
        var ready = await host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBe(200); });
        Assert.Equal("Healthy", ready.ReadAsText());
    }

    private Task<HealthReport> ReadinessBecomesAsync(HealthStatus status) =>
        Problem.EventuallyAsync(async () =>
        {
            var report = await fixture.Host.Services.GetRequiredService<HealthCheckService>()
                .CheckHealthAsync(c => c.Tags.Contains("ready"));
            return report.Status == status ? report : null;
        }, $"gereedheid {status}", seconds: 30);
}
