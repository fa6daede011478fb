using Wijkengids.Workshops.ActionPlans;

namespace Wijkengids.Workshops.Bookings;

/// <summary>The requests the signed-in person made while signed in, newest first, with whether a plan van aanpak exists.</summary>
public sealed record ListMyBookings : IRequest<IReadOnlyList<MyBooking>>;

public sealed record MyBooking(BookingDetails Booking, bool HasPlan);

internal sealed class ListMyBookingsHandler(IQuerySession session, IRequestContext context) : IRequestHandler<ListMyBookings, IReadOnlyList<MyBooking>>
{
    public async Task<IReadOnlyList<MyBooking>> Handle(ListMyBookings request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.Actor, out var account)) return [];
        var bookings = await session.Query<Booking>().Where(b => b.AccountId == account)
            .OrderByDescending(b => b.RequestedAt).Take(200).ToListAsync(cancellationToken);
        var ids = bookings.Select(b => b.Id).ToArray();
        var plans = ids.Length == 0 ? [] : (await session.LoadManyAsync<ActionPlan>(cancellationToken, ids)).Select(p => p.Id).ToHashSet();
        return (await BookingDetails.FromAsync(session, bookings, cancellationToken)).Select(b => new MyBooking(b, plans.Contains(b.Id))).ToList();
    }

    internal static void MapEndpoint(RouteGroupBuilder open) =>
        open.MapGet("/my/bookings", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListMyBookings(), ct)))
            .RequireAuthorization()
            .WithName("ListMyBookings").WithSummary("Mijn aanvragen voor werkateliers (ingelogd gedaan), met of er een plan van aanpak is");
}
