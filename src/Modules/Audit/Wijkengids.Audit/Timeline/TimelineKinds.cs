using Marten;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Wijkengids.Audit.Timeline;

/// <summary>
/// Upgrade step, at every start: timeline rows written before the event type names had their module prefix list the
/// kind by the bare name ("reaction_received"); they get the stable name ("contributions.reaction_received"), as new rows
/// have, so a kind is one filter (docs/adr/0090). Only the timeline, a read model, changes: the events keep the name they
/// were stored and chained with. Nothing to do once done.
/// </summary>
internal sealed class TimelineKinds(IDocumentStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand($"select to_regclass('{AuditTimelineProjection.Table}') is not null", connection);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true) return; // a new database: nothing written yet
        await using var command = new NpgsqlCommand(
            $"""
            update {AuditTimelineProjection.Table} set event_type = module || '.' || event_type
            where position('.' in event_type) = 0 and module = any(@modules)
            """, connection);
        command.Parameters.AddWithValue("modules", TimelineFilter.ModuleNames);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
