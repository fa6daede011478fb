using Marten.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Wijkengids.Content.Caching;

/// <summary>
/// After every commit that changed something of this module (an event of the guide, a read model, the guide version), the
/// page cache of this host is stale at once; other hosts see the new guide version within a second (docs/adr/0013).
/// In one place, so no command, message handler or seed step has to remember it.
/// </summary>
internal sealed class GuideChangeListener(IServiceProvider services) : DocumentSessionListenerBase
{
    private static readonly System.Reflection.Assembly Module = typeof(GuideChangeListener).Assembly;

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (Touches(commit)) services.GetRequiredService<GuideVersionCache>().Invalidate();
        return Task.CompletedTask;
    }

    private static bool Touches(IChangeSet commit) =>
        commit.GetEvents().Any(e => e.EventType.Assembly == Module)
        || commit.Inserted.Concat(commit.Updated).Any(d => d.GetType().Assembly == Module)
        || commit.Deleted.Any(d => d.DocumentType.Assembly == Module);
}
