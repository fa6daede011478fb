namespace Wijkengids.Workshops.Bookings;

/// <summary>Requests and bookings for organisers, oldest first; optionally of one status or one session.</summary>
public sealed record ListBookings(BookingStatus? Status, Guid? SessionId) : IRequest<IReadOnlyList<BookingDetails>>;

internal sealed class ListBookingsHandler(IQuerySession session) : IRequestHandler<ListBookings, IReadOnlyList<BookingDetails>>
{
    public async Task<IReadOnlyList<BookingDetails>> Handle(ListBookings request, CancellationToken cancellationToken)
    {
        IQueryable<Booking> query = session.Query<Booking>();
        if (request.Status is { } status) query = query.Where(b => b.Status == status);
        if (request.SessionId is { } sessionId) query = query.Where(b => b.SessionId == sessionId);
        var bookings = await query.OrderBy(b => b.RequestedAt).Take(2000).ToListAsync(cancellationToken);
        return await BookingDetails.FromAsync(session, bookings, cancellationToken);
    }

    internal static void MapEndpoint(RouteGroupBuilder organisers) =>
        organisers.MapGet("/bookings", async (string? status, Guid? sessionId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListBookings(StableEnums.ParseOrNull<BookingStatus>(status, "status"), sessionId), ct)))
            .WithName("ListBookings").WithSummary("Aanvragen en boekingen (organisator); status filtert op één status")
            .WithStatusQuery<BookingStatus>("status");
}
