using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.SharedKernel;
using Wijkengids.Platform.Web;
using Wijkengids.Workshops.Bookings;
using Wijkengids.Workshops.Formats;
using Wijkengids.Workshops.Sessions;

namespace Wijkengids.Workshops.Pages.Werkateliers;

public sealed class BeheerModel(IMediator mediator, TimeProvider clock) : FormPageModel
{
    /// <summary>Several small forms on one page: the reasons go in the summary only.</summary>
    protected override string? FieldOf(string property) => null;

    public IReadOnlyList<FormatDetails> Formats { get; private set; } = [];
    public IReadOnlyList<SessionSummary> Sessions { get; private set; } = [];
    public IReadOnlyList<BookingDetails> Open { get; private set; } = [];
    public IReadOnlyList<BookingDetails> Booked { get; private set; } = [];
    /// <summary>Confirmed bookings whose session has begun: their plan van aanpak is recorded after the session.</summary>
    public IReadOnlyList<BookingDetails> Held { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Formats = await mediator.Send(new ListFormats(), cancellationToken);
        Sessions = await mediator.Send(new ListUpcomingSessions(null), cancellationToken);
        var bookings = await mediator.Send(new ListBookings(null, null), cancellationToken);
        Open = bookings.Where(b => b.Status == BookingStatus.Received).ToList();
        Booked = bookings.Where(b => b.SessionId is not null && b.Status != BookingStatus.Cancelled).ToList();
        var now = clock.GetUtcNow();
        Held = bookings.Where(b => b.Status == BookingStatus.Confirmed && b.SessionStartsAt <= now).OrderByDescending(b => b.SessionStartsAt).ToList();
    }

    public Task<IActionResult> OnPostAssignAsync(Guid id, long expectedVersion, Guid sessionId, CancellationToken ct) =>
        Attempt(async () =>
        {
            await mediator.Send(new AssignBooking(id, sessionId, expectedVersion, null), ct);
            return $"Aanvraag toegewezen: {(await mediator.Send(new GetBooking(id), ct)).Status.Dutch()}.";
        }, ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, long expectedVersion, string? reason, CancellationToken ct) =>
        Attempt(async () =>
        {
            await mediator.Send(new CancelBooking(id, reason ?? "", expectedVersion), ct);
            return "Boeking geannuleerd; de eerste op de wachtlijst is doorgeschoven als er plaats is.";
        }, ct);

    public Task<IActionResult> OnPostKeepAsync(Guid id, long expectedVersion, CancellationToken ct) =>
        Attempt(async () =>
        {
            await mediator.Send(new KeepBookingForOrganisation(id, expectedVersion), ct);
            return "Boeking behouden voor de organisatie; de plaatsen blijven bezet.";
        }, ct);

    public Task<IActionResult> OnPostScheduleAsync(string formatSlug, DateTime? startsAt, string? place, string? onlineLink, int? capacity,
        CancellationToken ct) =>
        Attempt(async () =>
        {
            if (startsAt is null) throw new RuleViolationException("Vul in wanneer de sessie begint.");
            var s = await mediator.Send(new GetSession(await mediator.Send(new ScheduleSession(formatSlug, startsAt.Value, place, onlineLink, capacity, null), ct)), ct);
            return $"Sessie gepland op {DutchTime.Format(s.StartsAt)}.";
        }, ct);
}
