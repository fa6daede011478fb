using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Wijkengids.Community.Areas;

/// <summary>Builds <see cref="AreaView"/> from an area's events, inline with every change.</summary>
internal sealed class AreaViewProjection : SingleStreamProjection<AreaView, Guid>
{
    public override ValueTask<AreaView?> EvolveAsync(AreaView? view, Guid id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case AreaRegistered registered:
                view = new AreaView { Id = id, Name = registered.Name, Level = registered.Level, ParentId = registered.ParentId };
                break;
            case AreaChanged changed when view is not null:
                (view.Name, view.ParentId) = (changed.Name, changed.ParentId);
                break;
        }
        if (view is not null) view.Version = e.Version;
        return ValueTask.FromResult(view);
    }
}
