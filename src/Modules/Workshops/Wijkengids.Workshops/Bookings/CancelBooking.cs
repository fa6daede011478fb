namespace Wijkengids.Workshops.Bookings;

/// <summary>An organiser cancels a booking; a reason is required and kept in the event. Its places go to the first on the wait list.</summary>
public sealed record CancelBooking(Guid BookingId, string Reason, long? ExpectedVersion) : ICommand<Unit>;

internal sealed class CancelBookingValidator : AbstractValidator<CancelBooking>
{
    public CancelBookingValidator() =>
        RuleFor(x => x.Reason).RequiredText("Geef een reden voor het annuleren.", 500, "De reden");
}

internal sealed class CancelBookingHandler(IDocumentSession session, IRequestContext context, BookingSteps steps, SeatPlanning seats)
    : IRequestHandler<CancelBooking, Unit>
{
    public async Task<Unit> Handle(CancelBooking request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.BookingId, request.ExpectedVersion, cancellationToken);
        var booking = stream.Aggregate!;
        if (booking.Status == BookingStatus.Cancelled) return Unit.Value;
        session.Stamp(context, request.Reason);
        await seats.ReleaseAsync(booking, cancellationToken);
        var view = await steps.ViewAsync(booking.Id, cancellationToken);
        await steps.CancelAsync(stream, view, request.Reason, view.FormatTitle);
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder organisers) =>
        organisers.MapPost("/bookings/{id:guid}/cancel", async (Guid id, CancelBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new CancelBooking(id, body.Reason ?? "", body.ExpectedVersion), ct);
                return TypedResults.Ok(await mediator.Send(new GetBooking(id), ct));
            })
            .WithName("CancelBooking").WithSummary("Boeking annuleren met reden; de eerste op de wachtlijst schuift door (organisator)");

    internal sealed record CancelBody(string? Reason, long? ExpectedVersion);
}
