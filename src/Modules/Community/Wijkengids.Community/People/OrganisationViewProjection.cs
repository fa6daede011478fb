using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Wijkengids.Community.People;

/// <summary>Builds <see cref="OrganisationView"/> from an organisation's events, inline with every change.</summary>
internal sealed class OrganisationViewProjection : SingleStreamProjection<OrganisationView, Guid>
{
    public override ValueTask<OrganisationView?> EvolveAsync(OrganisationView? view, Guid id, IQuerySession session, IEvent e,
        CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case OrganisationRegistered registered:
                view = new OrganisationView { Id = id, Name = registered.Name, Kind = registered.Kind };
                break;
            case OrganisationChanged changed when view is not null:
                (view.Name, view.Kind) = (changed.Name, changed.Kind);
                break;
        }
        if (view is not null) view.Version = e.Version;
        return ValueTask.FromResult(view);
    }
}
