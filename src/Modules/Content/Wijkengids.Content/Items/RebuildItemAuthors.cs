using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Wijkengids.Content.Items;

/// <summary>
/// Upgrade step, at every start: four eyes now count everyone who wrote a revision since the last publication
/// (<see cref="ItemState.AuthorsSincePublication"/>), which item snapshots stored before did not keep. Such a snapshot is
/// built again from its events, once; the facts were in the events all along (who saved each revision).
/// </summary>
internal sealed class RebuildItemAuthors(IServiceScopeFactory scopes, ILogger<RebuildItemAuthors> logger) : UpgradeStep(scopes, logger)
{
    protected override Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        RebuildAsync(services.GetRequiredService<IDocumentStore>(), cancellationToken);

    protected override string Done(int count) => $"Schrijvers sinds de laatste publicatie van {count} items opgebouwd uit hun gebeurtenissen";

    internal static async Task<int> RebuildAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(ItemState), cancellationToken);
        var ids = new List<Guid>();
        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                $"select id from {store.Options.Schema.For(typeof(ItemState))} where not (data ? '{nameof(ItemState.AuthorsSincePublication)}')",
                connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetGuid(0));
        }
        if (ids.Count == 0) return 0;
        await using var session = store.LightweightSession();
        foreach (var id in ids)
        {
            if (await session.Events.AggregateStreamAsync<ItemState>(id, token: cancellationToken) is { } rebuilt) session.Store(rebuilt);
        }
        await session.SaveChangesAsync(cancellationToken);
        return ids.Count;
    }
}
