using Wijkengids.Workshops.Bookings;

namespace Wijkengids.Workshops.Sessions;

/// <summary>
/// An organiser cancels a session with a reason; every booking on it is cancelled too, each in its own stream with the
/// same reason, and its contact is told (docs/adr/0091).
/// </summary>
public sealed record CancelSession(Guid SessionId, string Reason) : ICommand<Unit>;

internal sealed class CancelSessionValidator : AbstractValidator<CancelSession>
{
    public CancelSessionValidator() =>
        RuleFor(x => x.Reason).RequiredText("Geef een reden voor het annuleren.", 500, "De reden");
}

internal sealed class CancelSessionHandler(IDocumentSession session, IRequestContext context, SeatPlanning seats, BookingSteps bookings)
    : IRequestHandler<CancelSession, Unit>
{
    public async Task<Unit> Handle(CancelSession request, CancellationToken cancellationToken)
    {
        var stream = await seats.LockAsync(request.SessionId, cancellationToken);
        var workshop = stream.Aggregate!;
        if (workshop.Cancel(request.Reason) is not { } cancelled) return Unit.Value;
        session.Stamp(context, request.Reason);
        stream.AppendOne(cancelled);
        var booked = await session.Query<Booking>()
            .Where(b => b.SessionId == workshop.Id && b.Status != BookingStatus.Cancelled)
            .OrderBy(b => b.RequestedAt).ToListAsync(cancellationToken);
        foreach (var view in booked)
        {
            var booking = await bookings.FetchAsync(view.Id, null, cancellationToken);
            await bookings.CancelAsync(booking, view, request.Reason, workshop.FormatTitle);
        }
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder organisers) =>
        organisers.MapPost("/sessions/{id:guid}/cancel", async (Guid id, CancelBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new CancelSession(id, body.Reason ?? ""), ct);
                return TypedResults.Ok(SessionSummary.From(await mediator.Send(new GetSession(id), ct)));
            })
            .WithName("CancelSession").WithSummary("Sessie annuleren met reden (organisator)");

    internal sealed record CancelBody(string? Reason);
}
