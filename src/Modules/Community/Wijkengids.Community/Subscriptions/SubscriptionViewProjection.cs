using JasperFx.Events;
using Marten.Events.Aggregation;
using Wijkengids.Platform.PersonalData;

namespace Wijkengids.Community.Subscriptions;

/// <summary>
/// Builds <see cref="SubscriptionView"/> from a subscription's events, inline with every change. The address is revealed
/// with the subscription's key; once erased it cannot be, and the view keeps the erased placeholder.
/// </summary>
internal sealed class SubscriptionViewProjection(MasterKey masterKey) : SingleStreamProjection<SubscriptionView, Guid>
{
    public override async ValueTask<SubscriptionView?> EvolveAsync(SubscriptionView? view, Guid id, IQuerySession session, IEvent e,
        CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case SubscriptionRequested requested:
                var email = await PersonalDataVault.RevealInProjectionAsync(session, masterKey, requested.Email, cancellation);
                view = new SubscriptionView
                {
                    Id = id, Email = email ?? SubscriptionView.ErasedAddress(id), Themes = [.. requested.Themes],
                    RequestedAt = requested.RequestedAt ?? e.Timestamp,
                };
                break;
            case SubscriptionConfirmed confirmed when view is not null:
                view.Status = SubscriptionStatus.Confirmed;
                view.Themes = [.. confirmed.Themes];
                view.ConfirmedAt = confirmed.ConfirmedAt ?? e.Timestamp;
                break;
            case SubscriptionCancelled when view is not null:
                view.Status = SubscriptionStatus.Cancelled;
                break;
            case SubscriptionErased when view is not null:
                view.Email = SubscriptionView.ErasedAddress(id);
                view.Themes = [];
                view.Status = SubscriptionStatus.Erased;
                break;
        }
        if (view is not null) view.Version = e.Version;
        return view;
    }
}
