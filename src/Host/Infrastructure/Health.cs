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
/// Unhealthy when a projection has stopped on an error. With Marten's own coordination (Solo) this node's
/// daemon must be running; with Wolverine-managed distribution another node may run a projection, so only
/// the stored progress is checked: no projection may lag the high-water mark for long.
/// </summary>
internal sealed class ProjectionDaemonHealthCheck(IServiceProvider services, IDocumentStore store) : IHealthCheck
{
    private static readonly TimeSpan AllowedLag = TimeSpan.FromMinutes(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (services.GetService<IProjectionCoordinator>() is { } coordinator)
            {
                var daemon = coordinator.DaemonForMainDatabase();
                if (daemon.HasAnyPaused()) return HealthCheckResult.Unhealthy("Een of meer projecties zijn gestopt na een fout.");
                if (!daemon.IsRunning) return HealthCheckResult.Unhealthy("De projectiedaemon draait niet.");
            }
            var lagging = await LaggingProjectionsAsync(cancellationToken);
            return lagging.Count == 0
                ? HealthCheckResult.Healthy("Projecties zijn bij.")
                : HealthCheckResult.Unhealthy($"Projecties lopen achter: {string.Join(", ", lagging)}");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Projectiestatus niet leesbaar.", e);
        }
    }

    private async Task<List<string>> LaggingProjectionsAsync(CancellationToken cancellationToken)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: cancellationToken);
        var highWater = progress.FirstOrDefault(p => p.ShardName == "HighWaterMark")?.Sequence ?? 0;
        return progress
            .Where(p => p.ShardName != "HighWaterMark" && p.Sequence < highWater)
            .Where(p => p.LastUpdated is { } updated && DateTimeOffset.UtcNow - updated > AllowedLag)
            .Select(p => p.ShardName)
            .ToList();
    }
}
