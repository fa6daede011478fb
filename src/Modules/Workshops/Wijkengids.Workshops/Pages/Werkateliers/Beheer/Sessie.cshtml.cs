using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.SharedKernel;
using Wijkengids.Platform.Web;
using Wijkengids.Workshops.Bookings;
using Wijkengids.Workshops.Formats;
using Wijkengids.Workshops.Sessions;

namespace Wijkengids.Workshops.Pages.Werkateliers.Beheer;

/// <summary>An organiser moves a session (the booked areas get a mail) or cancels it with a reason.</summary>
public sealed class SessieModel(IMediator mediator) : FormPageModel
{
    /// <summary>Several small forms on one page: the reasons go in the summary only.</summary>
    protected override string? FieldOf(string property) => null;

    public WorkshopSession Session { get; private set; } = null!;
    public IReadOnlyList<BookingDetails> Bookings { get; private set; } = [];
    public IReadOnlyList<string> TrainerNames { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(Guid id, DateTime? startsAt, string? place, string? onlineLink, string? reason, CancellationToken ct) =>
        Attempt(async () =>
        {
            if (startsAt is null) throw new RuleViolationException("Vul in wanneer de sessie voortaan begint.");
            await mediator.Send(new MoveSession(id, startsAt.Value, place, onlineLink, reason), ct);
            var moved = await mediator.Send(new GetSession(id), ct);
            return $"Sessie verplaatst naar {DutchTime.Format(moved.StartsAt)}; de geboekte gebieden krijgen bericht.";
        }, ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, CancellationToken ct) =>
        Attempt(async () =>
        {
            await mediator.Send(new CancelSession(id, reason ?? ""), ct);
            return "Sessie geannuleerd; de geboekte gebieden krijgen bericht met de reden.";
        }, ct);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = Guid.Parse((string)RouteData.Values["id"]!);
        Session = await mediator.Send(new GetSession(id), cancellationToken);
        Bookings = (await mediator.Send(new ListBookings(null, id), cancellationToken)).Where(b => b.Status != BookingStatus.Cancelled)
            .OrderBy(b => b.WaitListPosition ?? 0).ToList();
        var format = await mediator.Send(new GetFormat(Session.FormatSlug), cancellationToken);
        TrainerNames = format.Trainers.Where(t => Session.Trainers.Contains(t.PersonId)).Select(t => t.Name).ToList();
    }
}
