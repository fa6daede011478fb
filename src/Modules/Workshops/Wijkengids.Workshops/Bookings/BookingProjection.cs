using JasperFx.Events;
using Marten.Events.Aggregation;
using Wijkengids.Platform.PersonalData;

namespace Wijkengids.Workshops.Bookings;

/// <summary>
/// Builds <see cref="Booking"/> from a booking's events, inline with every change. The contact's details, texts and
/// private link are revealed from the sealed values with the vault's keys; once the contact is erased they cannot be,
/// and the booking shows "[gewist]" (as the erasure left it, also when it was erased before erasures were events).
/// </summary>
internal sealed class BookingProjection(MasterKey masterKey) : SingleStreamProjection<Booking, Guid>
{
    public const string Erased = "[gewist]";

    public override async ValueTask<Booking?> EvolveAsync(Booking? view, Guid id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        async Task<string?> Reveal(Sealed? value) => await PersonalDataVault.RevealInProjectionAsync(session, masterKey, value, cancellation);
        switch (e.Data)
        {
            case BookingRequested requested:
                view = await RequestedAsync(requested, e.Timestamp, Reveal);
                break;
            case BookingDetailsRecorded details when view is not null:
                view.FormatTitle = details.FormatTitle;
                view.Token = await Reveal(details.Token);
                view.TokenHash = details.TokenHash;
                break;
            case not null when view is not null:
                Change(view, e);
                break;
        }
        if (view is not null) view.Version = e.Version;
        return view;
    }

    private static async Task<Booking> RequestedAsync(BookingRequested e, DateTimeOffset stored, Func<Sealed?, Task<string?>> reveal)
    {
        var name = await reveal(e.ContactName);
        var erased = name is null;
        return new Booking
        {
            Id = e.BookingId,
            Token = erased ? null : await reveal(e.Token),
            TokenHash = e.TokenHash,
            FormatId = e.FormatId,
            FormatTitle = e.FormatTitle ?? "",
            AreaId = e.AreaId,
            AreaName = e.AreaName,
            Subject = e.Subject,
            AccountId = e.AccountId,
            Organisation = erased ? Erased : await reveal(e.Organisation) ?? Erased,
            ContactName = name ?? Erased,
            ContactEmail = erased ? "" : await reveal(e.ContactEmail) ?? "",
            Participants = e.Participants,
            PreferredDates = e.PreferredDates,
            Goals = erased ? Erased : await reveal(e.Goals) ?? Erased,
            CoFinancingRequested = e.CoFinancingRequested,
            CoFinancingMotivation = e.CoFinancingMotivation is null ? null : erased ? Erased : await reveal(e.CoFinancingMotivation) ?? Erased,
            RequestedAt = e.RequestedAt ?? stored,
        };
    }

    private static void Change(Booking view, IEvent e)
    {
        switch (e.Data)
        {
            case BookingConfirmed confirmed:
                view.Status = BookingStatus.Confirmed;
                view.SessionId = confirmed.SessionId;
                break;
            case BookingWaitlisted waitlisted:
                view.Status = BookingStatus.Waitlisted;
                view.SessionId = waitlisted.SessionId;
                break;
            case BookingPromoted promoted:
                view.Status = BookingStatus.Confirmed;
                view.SessionId = promoted.SessionId;
                break;
            case BookingCancelled cancelled:
                view.Status = BookingStatus.Cancelled;
                view.AwaitsDecision = false;
                // Before the reason was part of the event's data it was recorded as the event's "reason" header.
                view.CancelReason = cancelled.Reason ?? ReasonHeader(e);
                break;
            case CoFinancingGranted granted:
                view.CoFinancingDecision = CoFinancingStatus.Granted;
                view.CoFinancingGranted = granted.Amount;
                view.CoFinancingReason = granted.Reason ?? ReasonHeader(e);
                view.CoFinancingDecidedAt = granted.DecidedAt ?? e.Timestamp;
                break;
            case CoFinancingRefused refused:
                view.CoFinancingDecision = CoFinancingStatus.Refused;
                view.CoFinancingGranted = null;
                view.CoFinancingReason = refused.Reason;
                view.CoFinancingDecidedAt = refused.DecidedAt ?? e.Timestamp;
                break;
            case BookingAwaitsOrganiserDecision:
                view.AwaitsDecision = true;
                break;
            case BookingKeptForOrganisation:
                view.AwaitsDecision = false;
                break;
            case CoFinancingClosed closed:
                view.CoFinancingDecision = CoFinancingStatus.Closed;
                view.CoFinancingGranted = null;
                view.CoFinancingReason = closed.Reason;
                view.CoFinancingDecidedAt = closed.ClosedAt;
                break;
            case BookingErased:
                view.Token = null;
                view.ContactName = Erased;
                view.ContactEmail = "";
                view.Organisation = Erased;
                view.Goals = Erased;
                view.CoFinancingMotivation = view.CoFinancingMotivation is null ? null : Erased;
                break;
        }
    }

    private static string? ReasonHeader(IEvent e) =>
        e.Headers?.TryGetValue(MetadataHeaders.Reason, out var header) == true ? header?.ToString() : null;
}
