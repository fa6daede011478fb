using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Wijkengids.Workshops.Sessions;

/// <summary>
/// Upgrade step, at every start: the code before the change applied a promotion from the wait list to the session it had
/// fetched and then appended it too, so the session's inline snapshot could list the promoted booking twice among the
/// confirmed seats (the events were right). Such a snapshot is built again from its events, once; a database made after
/// the change has none (docs/adr/0091).
/// </summary>
internal sealed class RepairSessionLedgers(IServiceScopeFactory scopes, ILogger<RepairSessionLedgers> logger) : UpgradeStep(scopes, logger)
{
    protected override Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        RepairAsync(services.GetRequiredService<IDocumentStore>(), cancellationToken);

    protected override string Done(int count) => $"Plaatsen van {count} sessies opnieuw opgebouwd uit hun gebeurtenissen";

    internal static async Task<int> RepairAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var ledgers = await session.Query<WorkshopSession>().ToListAsync(cancellationToken);
        var broken = ledgers.Where(s => s.Confirmed.Select(c => c.BookingId).Distinct().Count() != s.Confirmed.Count).ToList();
        foreach (var ledger in broken)
        {
            if (await session.Events.AggregateStreamAsync<WorkshopSession>(ledger.Id, token: cancellationToken) is { } rebuilt) session.Store(rebuilt);
        }
        if (broken.Count > 0) await session.SaveChangesAsync(cancellationToken);
        return broken.Count;
    }
}
