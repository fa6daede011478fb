using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Wijkengids.Content.Items;

/// <summary>
/// Upgrade step, at every start: the item history projection used to write a log entry for every event of a save, also for
/// events of other streams and modules, which no item page ever showed. Such entries are not what a rebuild from the
/// events makes (only an item's own events), so they are removed once; on a database made after the change there are none.
/// </summary>
internal sealed class PruneItemLog(IServiceScopeFactory scopes, ILogger<PruneItemLog> logger) : UpgradeStep(scopes, logger)
{
    protected override Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        PruneAsync(services.GetRequiredService<IDocumentStore>(), cancellationToken);

    protected override string Done(int count) => $"{count} logregels van andere stromen uit de itemgeschiedenis verwijderd";

    internal static async Task<int> PruneAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(ItemLogEntry), cancellationToken);
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(ItemState), cancellationToken);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            delete from {store.Options.Schema.For(typeof(ItemLogEntry))} l
            where not exists (select 1 from {store.Options.Schema.For(typeof(ItemState))} i where i.id = (l.data->>'ItemId')::uuid)
            """, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
