using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Wijkengids.Host.Infrastructure;

internal sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = store.QuerySession();
            var one = await session.QueryAsync<int>("select 1", cancellationToken);
            return one.SingleOrDefault() == 1 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("PostgreSQL gaf geen antwoord.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is niet bereikbaar.", e);
        }
    }
}

/// <summary>
/// Ready when the async projection daemon is running on this node, or (HotCold) when another node
/// holds the leadership; unhealthy when a projection shard has stopped on an error.
/// </summary>
internal sealed class ProjectionDaemonHealthCheck(IProjectionCoordinator coordinator) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var daemon = coordinator.DaemonForMainDatabase();
            if (daemon.HasAnyPaused()) return Task.FromResult(HealthCheckResult.Unhealthy("Een of meer projecties zijn gestopt na een fout."));
            return Task.FromResult(HealthCheckResult.Healthy(daemon.IsRunning ? "Projectiedaemon draait." : "Projectiedaemon draait op een andere node."));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Projectiedaemon niet beschikbaar.", e));
        }
    }
}
