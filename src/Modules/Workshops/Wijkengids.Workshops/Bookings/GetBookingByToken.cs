namespace Wijkengids.Workshops.Bookings;

/// <summary>The requester follows their request through the private link.</summary>
public sealed record GetBookingByToken(string Token) : IRequest<BookingDetails>;

internal sealed class GetBookingByTokenHandler(IQuerySession session) : IRequestHandler<GetBookingByToken, BookingDetails>
{
    public async Task<BookingDetails> Handle(GetBookingByToken request, CancellationToken cancellationToken)
    {
        var booking = await ByTokenAsync(session, request.Token, cancellationToken)
                      ?? throw new NotFoundException("Deze aanvraag bestaat niet. Controleer de link uit uw e-mail.");
        return (await BookingDetails.FromAsync(session, [booking], cancellationToken))[0];
    }

    /// <summary>The booking a private link opens, or null (a wrong or implausible link).</summary>
    internal static async Task<Booking?> ByTokenAsync(IQuerySession session, string? token, CancellationToken cancellationToken)
    {
        if (!BookingLinks.Plausible(token)) return null;
        var hash = BookingLinks.Hash(token!);
        return await session.Query<Booking>().FirstOrDefaultAsync(b => b.TokenHash == hash, cancellationToken);
    }

    internal static void MapEndpoint(RouteGroupBuilder open) =>
        open.MapGet("/bookings/status/{token}", async (string token, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetBookingByToken(token), ct)))
            .WithName("GetBookingStatus").WithSummary("Status van een aanvraag via de persoonlijke link");
}
