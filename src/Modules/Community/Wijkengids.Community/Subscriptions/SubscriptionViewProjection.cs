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
                    Id = id, Email = email ?? SubscriptionView.ErasedAddress(id), RequestedAt = requested.RequestedAt ?? e.Timestamp,
                };
                Choose(view, SubscriptionChoices.Of(requested));
                break;
            case SubscriptionConfirmed confirmed when view is not null:
                view.Status = SubscriptionStatus.Confirmed;
                Choose(view, SubscriptionChoices.Of(confirmed));
                view.ConfirmedAt = confirmed.ConfirmedAt ?? e.Timestamp;
                break;
            case SubscriptionCancelled cancelled when view is not null:
                view.Status = SubscriptionStatus.Cancelled;
                if (cancelled.AddressHash is not null)
                {
                    view.Email = SubscriptionView.ErasedAddress(id);
                    view.AddressHash = cancelled.AddressHash;
                }
                break;
            case SubscriptionErased when view is not null:
                view.Email = SubscriptionView.ErasedAddress(id);
                view.AddressHash = null;
                Choose(view, SubscriptionChoices.Everything);
                view.Status = SubscriptionStatus.Erased;
                break;
        }
        if (view is not null) view.Version = e.Version;
        return view;
    }

    private static void Choose(SubscriptionView view, SubscriptionChoices choices)
    {
        view.Themes = [.. choices.Themes];
        view.Chapters = [.. choices.Chapters];
        view.MajorOnly = choices.MajorOnly;
        view.Frequency = choices.Frequency;
    }
}
