using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wijkengids.Contributions.Proposals;
using Wijkengids.Contributions.Reactions;

namespace Wijkengids.Contributions.Moderation;

/// <summary>
/// Upgrade step, at every start: reactions and proposals from before the public moderation log have no
/// <see cref="ModerationRecord"/>, and their read models lack the reason codes and objections (docs/adr/0097). For each
/// such contribution (and only once) the three are built again from its events, which held the decisions all along. Nothing
/// to do on a database made after the change: every new contribution gets its record with its first event.
/// </summary>
internal sealed class BuildModerationRecords(IServiceScopeFactory scopes, ILogger<BuildModerationRecords> logger) : UpgradeStep(scopes, logger)
{
    protected override Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        BuildAsync(services.GetRequiredService<IDocumentStore>(), cancellationToken);

    protected override string Done(int count) => $"Moderatielogboek opgebouwd uit de gebeurtenissen van {count} bijdragen";

    internal static async Task<int> BuildAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var recorded = (await session.Query<ModerationRecord>().Select(r => r.Id).ToListAsync(cancellationToken)).ToHashSet();
        var reactions = (await session.Query<ReactionView>().Select(r => r.Id).ToListAsync(cancellationToken)).Where(id => !recorded.Contains(id)).ToList();
        var proposals = (await session.Query<ProposalView>().Select(p => p.Id).ToListAsync(cancellationToken)).Where(id => !recorded.Contains(id)).ToList();
        foreach (var id in reactions)
        {
            await StoreAsync<ReactionView>(session, id, cancellationToken);
            await StoreAsync<ModerationRecord>(session, id, cancellationToken);
        }
        foreach (var id in proposals)
        {
            await StoreAsync<ProposalView>(session, id, cancellationToken);
            await StoreAsync<ModerationRecord>(session, id, cancellationToken);
        }
        if (reactions.Count + proposals.Count > 0) await session.SaveChangesAsync(cancellationToken);
        return reactions.Count + proposals.Count;
    }

    private static async Task StoreAsync<T>(IDocumentSession session, Guid id, CancellationToken cancellationToken) where T : class
    {
        if (await session.Events.AggregateStreamAsync<T>(id, token: cancellationToken) is { } rebuilt) session.Store(rebuilt);
    }
}
