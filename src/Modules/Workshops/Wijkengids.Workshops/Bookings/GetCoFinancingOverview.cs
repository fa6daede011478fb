using System.Globalization;

namespace Wijkengids.Workshops.Bookings;

/// <summary>The funder's overview: every request for co-financing and the totals per year and per area.</summary>
public sealed record GetCoFinancingOverview : IRequest<CoFinancingOverview>;

/// <summary>
/// Every request for co-financing (cancelled ones too, with their decision, for the record); the queue is what still
/// waits for a decision: undecided and not cancelled (docs/adr/0087).
/// </summary>
public sealed record CoFinancingOverview(IReadOnlyList<BookingDetails> Requests, IReadOnlyList<CoFinancingTotal> PerYear, IReadOnlyList<CoFinancingTotal> PerArea)
{
    public IReadOnlyList<BookingDetails> Queue => Requests.Where(b => b.CoFinancingDecision is null && b.Status != BookingStatus.Cancelled).ToList();
}

/// <summary>
/// Totals for one year or area over the requests that are not cancelled: requested, granted (the amounts given), and how
/// many are open, granted and refused. Cancelled requests count apart: how many, and the amount granted to them before
/// they were cancelled (lapsed: money that will not be spent).
/// </summary>
public sealed record CoFinancingTotal(string Key, decimal Requested, decimal Granted, int Open, int GrantedCount, int RefusedCount,
    int CancelledCount, decimal Lapsed);

internal sealed class GetCoFinancingOverviewHandler(IQuerySession session) : IRequestHandler<GetCoFinancingOverview, CoFinancingOverview>
{
    public async Task<CoFinancingOverview> Handle(GetCoFinancingOverview request, CancellationToken cancellationToken)
    {
        var bookings = await session.Query<Booking>().Where(b => b.CoFinancingRequested != null)
            .OrderBy(b => b.RequestedAt).Take(5000).ToListAsync(cancellationToken);
        var details = await BookingDetails.FromAsync(session, bookings, cancellationToken);
        return new CoFinancingOverview(details,
            Totals(details, b => DutchTime.ToLocal(b.SessionStartsAt ?? b.RequestedAt).Year.ToString(CultureInfo.InvariantCulture)),
            Totals(details, b => b.AreaName));
    }

    /// <summary>A booking counts in the year of its session (or of its request while it has none); a cancelled one only apart.</summary>
    private static List<CoFinancingTotal> Totals(IEnumerable<BookingDetails> bookings, Func<BookingDetails, string> key) =>
        bookings.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var live = g.Where(b => b.Status != BookingStatus.Cancelled).ToList();
            var cancelled = g.Where(b => b.Status == BookingStatus.Cancelled).ToList();
            return new CoFinancingTotal(g.Key,
                live.Sum(b => b.CoFinancingRequested ?? 0), live.Sum(b => b.CoFinancingGranted ?? 0),
                live.Count(b => b.CoFinancingDecision is null), live.Count(b => b.CoFinancingDecision == CoFinancingStatus.Granted),
                live.Count(b => b.CoFinancingDecision == CoFinancingStatus.Refused), cancelled.Count, cancelled.Sum(b => b.CoFinancingGranted ?? 0));
        }).ToList();

    internal static void MapEndpoint(RouteGroupBuilder funders) =>
        funders.MapGet("/co-financing", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCoFinancingOverview(), ct)))
            .WithName("GetCoFinancingOverview").WithSummary("Aanvragen voor cofinanciering met totalen per jaar en per gebied (financier)");
}
