namespace Wijkengids.Workshops.Bookings;

/// <summary>One booking, for organisers (and after a step, to answer with the booking as it now stands).</summary>
public sealed record GetBooking(Guid BookingId) : IRequest<BookingDetails>;

internal sealed class GetBookingHandler(IQuerySession session) : IRequestHandler<GetBooking, BookingDetails>
{
    public async Task<BookingDetails> Handle(GetBooking request, CancellationToken cancellationToken)
    {
        var booking = await session.LoadAsync<Booking>(request.BookingId, cancellationToken) ?? throw new NotFoundException(BookingSteps.NotFound);
        return (await BookingDetails.FromAsync(session, [booking], cancellationToken))[0];
    }

    internal static void MapEndpoint(RouteGroupBuilder organisers) =>
        organisers.MapGet("/bookings/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetBooking(id), ct)))
            .WithName("GetBooking").WithSummary("Eén aanvraag (organisator)");
}
