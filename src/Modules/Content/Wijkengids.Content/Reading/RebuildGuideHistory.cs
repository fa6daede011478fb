using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Wijkengids.Content.Reading;

/// <summary>
/// Upgrade step, at every start: the guide through time (<see cref="ItemVersion"/>, <see cref="NumberClaim"/>,
/// <see cref="ItemTrail"/>, <see cref="GuideTimeline"/>) and the sections' ids on lessons are written by the public guide's
/// projection, which databases made before did not have. When a published item has no trail yet, the projection is built
/// again from the events, once; every fact was in the events all along (docs/adr/0107).
/// </summary>
internal sealed class RebuildGuideHistory(IServiceScopeFactory scopes, ILogger<RebuildGuideHistory> logger) : UpgradeStep(scopes, logger)
{
    protected override Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        RebuildAsync(services.GetRequiredService<IDocumentStore>(), cancellationToken);

    protected override string Done(int count) => $"De geschiedenis van de gids opgebouwd uit de gebeurtenissen ({count} gepubliceerde onderdelen)";

    internal static async Task<int> RebuildAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var database = store.Storage.Database;
        await database.EnsureStorageExistsAsync(typeof(PublicItem), cancellationToken);
        await database.EnsureStorageExistsAsync(typeof(ItemTrail), cancellationToken);
        // The search schema (content.search_versions) is created before this step by SearchSchema.
        long missing;
        await using (var connection = database.CreateConnection())
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                $"select count(*) from {store.Options.Schema.For(typeof(PublicItem))} p " +
                $"where not exists (select 1 from {store.Options.Schema.For(typeof(ItemTrail))} t where t.id = p.id) " +
                $"or not exists (select 1 from content.search_versions s where s.item_id = p.id)", connection);
            missing = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        if (missing == 0) return 0;
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(PublicGuideProjection.ProjectionName, cancellationToken);
        return (int)missing;
    }
}
