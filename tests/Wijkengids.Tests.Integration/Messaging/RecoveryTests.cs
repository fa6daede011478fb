using System.Diagnostics;
using Alba;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wijkengids.SharedKernel;
using Wijkengids.Tests.Integration.Infrastructure;
using Wolverine;
using Wolverine.Runtime.Agents;
using Wolverine.Tracking;
using Xunit.Abstractions;

namespace Wijkengids.Tests.Integration.Messaging;

/// <summary>Messages stranded in the inbox by a node that died are handled by a living node within seconds (docs/adr/0081).</summary>
[Collection(SharedHosts.Messaging)]
public sealed class RecoveryTests(TestWorkFixture fixture, ITestOutputHelper output)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task A_message_owned_by_a_node_that_just_died_is_handled_within_seconds()
    {
        var runtime = Host.GetRuntime();
        // A second node that registered, sent its last heartbeat just now and was then killed.
        var now = DateTimeOffset.UtcNow;
        var dead = new WolverineNode
        {
            NodeId = Guid.NewGuid(), Description = "gecrashte host", ControlUri = new Uri($"dbcontrol://{Guid.NewGuid()}"), Started = now.AddMinutes(-5),
            LastHealthCheck = now, Version = typeof(WolverineNode).Assembly.GetName().Version!,
        };
        var number = await runtime.Storage.Nodes.PersistAsync(dead, CancellationToken.None);
        await runtime.Storage.Nodes.OverwriteHealthCheckTimeAsync(dead.NodeId, now);

        // Its inbox held a message it had accepted and not yet handled: stored through Wolverine as a far-away scheduled
        // message, then made an incoming message owned by the dead node, as a crash leaves it.
        var work = new StrandedWork(Guid.NewGuid());
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().ScheduleAsync(work, DateTimeOffset.UtcNow.AddHours(1));
        }
        // Tracked from before the message is stranded until a living node has handled it: Wolverine's own agents take it up.
        // Wolverine's defaults (a node is dead after 60 s without heartbeat) would need more than a minute.
        var clock = Stopwatch.StartNew();
        await Host.TrackedUntilHandledAsync(TimeSpan.FromSeconds(40), async _ =>
        {
            await using var connection = new NpgsqlConnection(Host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Wijkengids"));
            await connection.OpenAsync();
            await using var strand = new NpgsqlCommand(
                $"update {EventStore.MessagingSchema}.wolverine_incoming_envelopes set status = 'Incoming', owner_id = @owner, execution_time = null " +
                "where message_type like '%StrandedWork' and status = 'Scheduled'", connection);
            strand.Parameters.AddWithValue("owner", number);
            Assert.Equal(1, await strand.ExecuteNonQueryAsync());
            clock.Restart();
        }, m => m is StrandedWork stranded && stranded.Id == work.Id);
        output.WriteLine($"Verwerkt na {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(TestWork.Handled.ContainsKey(work.Id));
        Assert.Equal(1, TestWork.Attempts[work.Id]);
    }
}
