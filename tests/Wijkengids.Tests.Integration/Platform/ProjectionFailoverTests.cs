using System.Diagnostics;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wijkengids.Tests.Integration.Infrastructure;
using Wolverine.Runtime;
using Xunit.Abstractions;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>
/// Several hosts with Wolverine-managed projections: when a host dies, another runs its projections within
/// 10 seconds (docs/adr/0084).
/// </summary>
public sealed class ProjectionFailoverTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> Managed = new() { ["Wolverine:ManageProjections"] = "true" };

    [Fact]
    public async Task When_a_host_dies_the_other_runs_its_projections_within_ten_seconds()
    {
        var connection = await TestDatabase.CreateDatabaseAsync("failover");
        await using var survivor = await AppFactory.StartOnAsync(connection, Managed, AgentWatch.AddTo);
        var doomed = await AppFactory.StartOnAsync(connection, Managed, AgentWatch.AddTo);
        var (onSurvivor, onDoomed) = (AgentWatch.Of(survivor), AgentWatch.Of(doomed));
        var dead = false;
        try
        {
            var shards = ((JasperFx.Events.IEventStore)survivor.Services.GetRequiredService<Marten.IDocumentStore>()).RegisteredShardNames().Count;
            // Both hosts run a share of the projections, together all of them: waited for as the agents start and stop.
            await AgentWatch.UntilAsync(
                () => onDoomed.Running(Subscriptions).Length > 0
                      && onDoomed.Running(Subscriptions).Union(onSurvivor.Running(Subscriptions)).Count() == shards,
                TimeSpan.FromSeconds(90), () => $"projecties verdeeld over beide hosts: {shards} verwacht; {Describe(survivor)} en {Describe(doomed)}",
                onSurvivor, onDoomed);

            // Death, as closely as an in-process host can die: it stops without deregistering, so its node row and
            // assignments stay behind with its last heartbeat, as after a crash (a graceful stop would hand over at once).
            var node = doomed.Services.GetRequiredService<IWolverineRuntime>().Options;
            await ExecuteAsync(connection, KeepNodeRowsSql(node.UniqueNodeId, node.Durability.AssignedNodeNumber));
            var clock = Stopwatch.StartNew();
            await doomed.DisposeAsync();
            dead = true;
            await ExecuteAsync(connection, ReleaseNodeRowsSql);

            await AgentWatch.UntilAsync(() => onSurvivor.Running(Subscriptions).Length == shards, TimeSpan.FromSeconds(30),
                () => $"alle projecties op de overgebleven host: {shards} verwacht; {Describe(survivor)}", onSurvivor);
            var all = onSurvivor.Running(Subscriptions);
            output.WriteLine($"Overname na {clock.Elapsed.TotalSeconds:N1} s: {string.Join(", ", all.Select(u => u.ToString()))}");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Overname duurde {clock.Elapsed.TotalSeconds:N1} s, meer dan 10 s.");
        }
        finally
        {
            if (!dead) await doomed.DisposeAsync();
        }
    }

    private static string Describe(IAlbaHost host) =>
        string.Join(", ", host.Services.GetRequiredService<IWolverineRuntime>().Agents.AllRunningAgentUris().Select(u => u.ToString()));

    /// <summary>The scheme of the agents that run projections and subscriptions.</summary>
    private const string Subscriptions = "event-subscriptions";

    private static string KeepNodeRowsSql(Guid nodeId, int nodeNumber) =>
        $"""
         create function messaging.keep_dead_node() returns trigger language plpgsql as $$
         begin
           if to_jsonb(OLD)->>'id' = '{nodeId}' or to_jsonb(OLD)->>'node_id' in ('{nodeId}', '{nodeNumber}') then return null; end if;
           return OLD;
         end $$;
         create trigger keep_dead_node before delete on messaging.wolverine_nodes for each row execute function messaging.keep_dead_node();
         create trigger keep_dead_node before delete on messaging.wolverine_node_assignments for each row execute function messaging.keep_dead_node();
         """;

    private const string ReleaseNodeRowsSql =
        """
        drop trigger keep_dead_node on messaging.wolverine_nodes;
        drop trigger keep_dead_node on messaging.wolverine_node_assignments;
        drop function messaging.keep_dead_node();
        """;

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }
}
