using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wijkengids.SharedKernel;

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
/// Unhealthy when a projection has stopped on an error. With Marten's own coordination (Solo) this node's daemon must
/// be running; with Wolverine-managed distribution another node may run a projection, so the stored progress is what
/// counts. Degraded while a projection (or the daemon's high-water mark) leaves events waiting longer than
/// Health:ProjectionLagSeconds (default 30): nobody runs it, or it cannot keep up (docs/adr/0084).
/// </summary>
internal sealed class ProjectionDaemonHealthCheck(IServiceProvider services, IDocumentStore store, IConfiguration configuration)
    : IHealthCheck
{
    private const string HighWaterMark = "HighWaterMark";

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
            var allowed = TimeSpan.FromSeconds(configuration.GetValue("Health:ProjectionLagSeconds", 30));
            var lagging = await LaggingProjectionsAsync(allowed, cancellationToken);
            return lagging.Count == 0
                ? HealthCheckResult.Healthy("Projecties zijn bij.")
                : HealthCheckResult.Degraded($"Projecties laten gebeurtenissen langer dan {allowed.TotalSeconds:0} s wachten: {string.Join(", ", lagging)}");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Projectiestatus niet leesbaar.", e);
        }
    }

    /// <summary>
    /// The shards (and the high-water mark) whose first unprocessed event was stored longer than <paramref name="allowed"/>
    /// ago (projections and subscriptions alike). One index look-up per shard: the event just after its progress.
    /// </summary>
    private async Task<List<string>> LaggingProjectionsAsync(TimeSpan allowed, CancellationToken cancellationToken)
    {
        string[] names = [HighWaterMark, .. ((JasperFx.Events.IEventStore)store).RegisteredShardNames().Select(n => n.Identity)];
        await using var session = store.QuerySession();
        var lagging = await session.AdvancedSql.QueryAsync<string>(
            $"""
             select w.name from (
               select n.name, (select e.timestamp from {EventStore.Schema}.mt_events e
                               where e.seq_id > coalesce(p.last_seq_id, 0) order by e.seq_id limit 1) as waiting_since
               from unnest(?) as n(name) left join {EventStore.Schema}.mt_event_progression p on p.name = n.name
             ) w where w.waiting_since < now() - ?
             """, cancellationToken, names, allowed);
        return lagging.ToList();
    }
}
