using Wijkengids.Workshops.Bookings;
using Wolverine.Marten;
using Contract = Wijkengids.Workshops.Contracts;

namespace Wijkengids.Workshops.Sessions;

/// <summary>An organiser moves a session to another time or place; the booked areas (placed and waiting) are told.</summary>
public sealed record MoveSession(Guid SessionId, DateTime StartsAt, string? Place, string? OnlineLink, string? Reason) : ICommand<Unit>;

internal sealed class MoveSessionValidator : AbstractValidator<MoveSession>
{
    public MoveSessionValidator()
    {
        RuleFor(x => x.Place).MaximumLength(200).WithMessage("De plaats mag hoogstens 200 tekens hebben.");
        RuleFor(x => x.OnlineLink).Must(SessionRules.IsHttpsLink!).When(x => !string.IsNullOrWhiteSpace(x.OnlineLink))
            .WithMessage("De online link moet met https:// beginnen.");
    }
}

internal sealed class MoveSessionHandler(IDocumentSession session, IMartenOutbox outbox, IRequestContext context, SeatPlanning seats, TimeProvider clock)
    : IRequestHandler<MoveSession, Unit>
{
    public async Task<Unit> Handle(MoveSession request, CancellationToken cancellationToken)
    {
        var stream = await seats.LockAsync(request.SessionId, cancellationToken);
        var workshop = stream.Aggregate!;
        var moved = workshop.Move(SessionRules.ToUtc(request.StartsAt), request.Place, request.OnlineLink, clock.GetUtcNow());
        session.Stamp(context, request.Reason);
        stream.AppendOne(moved);
        // The bookings read the session's time from the session itself: only the people need to be told.
        var attendees = await session.Query<Booking>()
            .Where(b => b.SessionId == workshop.Id && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waitlisted))
            .OrderBy(b => b.RequestedAt).ToListAsync(cancellationToken);
        await outbox.PublishAsync(new Contract.SessionMoved(workshop.Id, workshop.FormatTitle, moved.From, moved.To, moved.Place,
            attendees.Select(b => new Contract.SessionAttendee(b.Id, b.ContactName, b.ContactEmail, b.StatusUrl)).ToList(), clock.GetUtcNow()));
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder organisers) =>
        organisers.MapPost("/sessions/{id:guid}/move", async (Guid id, MoveBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new MoveSession(id, body.StartsAt, body.Place, body.OnlineLink, body.Reason), ct);
                return TypedResults.Ok(SessionSummary.From(await mediator.Send(new GetSession(id), ct)));
            })
            .WithName("MoveSession").WithSummary("Sessie verplaatsen; de deelnemers krijgen bericht (organisator)");

    internal sealed record MoveBody(DateTime StartsAt, string? Place, string? OnlineLink, string? Reason);
}
