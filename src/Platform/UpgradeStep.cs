using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wijkengids.SharedKernel;

namespace Wijkengids.Platform;

/// <summary>
/// A step that brings a database written by older code up to what the code expects now, at every start (docs/adr/0089):
/// it finds what is missing (a fact older events lacked, a read model the old code got wrong), puts it right once, as the
/// system with reason "upgrade", and finds nothing to do on a database made after the change. Several hosts may start at
/// once: a step appends at the version it read, so the second one's save fails and it leaves the work to the first.
/// </summary>
public abstract class UpgradeStep(IServiceScopeFactory scopes, ILogger logger) : IHostedService
{
    public const string Reason = "upgrade";

    /// <summary>Does the step; answers how many streams or documents it put right.</summary>
    protected abstract Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>The log line when the step put <paramref name="count"/> things right (Dutch, like every operator message).</summary>
    protected abstract string Done(int count);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var count = await RunAsync(scope.ServiceProvider, cancellationToken);
        if (count > 0) logger.LogInformation("{Upgrade}", Done(count));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A session whose events are stamped as the system's, with reason "upgrade".</summary>
    public static IDocumentSession Session(IDocumentStore store)
    {
        var session = store.LightweightSession();
        session.Stamp(FixedRequestContext.System(), Reason);
        return session;
    }

    /// <summary>Saves what the step appended; 0 when another host recorded it first (the versions it appended at are taken).</summary>
    public static async Task<int> SaveOnceAsync(IDocumentSession session, int count, CancellationToken cancellationToken)
    {
        if (count == 0) return 0;
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return count;
        }
        catch (JasperFx.ConcurrencyException)
        {
            return 0;
        }
    }
}
