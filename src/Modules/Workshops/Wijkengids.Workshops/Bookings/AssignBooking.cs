namespace Wijkengids.Workshops.Bookings;

/// <summary>An organiser places a received request on a session (a place, or the wait list when full).</summary>
public sealed record AssignBooking(Guid BookingId, Guid SessionId, long? ExpectedVersion, string? Reason) : ICommand<Unit>;

internal sealed class AssignBookingHandler(IDocumentSession session, IRequestContext context, BookingSteps steps, SeatPlanning seats)
    : IRequestHandler<AssignBooking, Unit>
{
    public async Task<Unit> Handle(AssignBooking request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.BookingId, request.ExpectedVersion, cancellationToken);
        stream.Aggregate!.EnsureAssignable();
        session.Stamp(context, request.Reason);
        var view = await steps.ViewAsync(request.BookingId, cancellationToken);
        stream.AppendOne(await seats.PlaceAsync(stream.Aggregate, request.SessionId, Contact.Of(view), cancellationToken));
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder organisers) =>
        organisers.MapPost("/bookings/{id:guid}/assign", async (Guid id, AssignBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new AssignBooking(id, body.SessionId, body.ExpectedVersion, body.Reason), ct);
                return TypedResults.Ok(await mediator.Send(new GetBooking(id), ct));
            })
            .WithName("AssignBooking").WithSummary("Aanvraag aan een sessie toewijzen (organisator)");

    internal sealed record AssignBody(Guid SessionId, long? ExpectedVersion, string? Reason);
}
