using System.Globalization;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.SharedKernel;
using Wolverine.Marten;
using Contract = Wijkengids.Workshops.Contracts;

namespace Wijkengids.Workshops.Bookings;

public sealed record CoFinancingGranted(Guid BookingId, decimal Requested, decimal Amount) : IDescribedEvent
{
    public string Describe() => $"Cofinanciering toegekend: {Amount.ToString("C", DutchTime.Culture)} van {Requested.ToString("C", DutchTime.Culture)}";
}

public sealed record CoFinancingRefused(Guid BookingId, decimal Requested, string Reason) : IDescribedEvent
{
    public string Describe() => $"Cofinanciering afgewezen ({Requested.ToString("C", DutchTime.Culture)} gevraagd)";
}

public static class CoFinancingStatus
{
    public const string Granted = "toegekend";
    public const string Refused = "afgewezen";
}

/// <summary>A funder grants an amount (at most the requested amount) or refuses with a reason; once per request.</summary>
public sealed record DecideCoFinancing(Guid BookingId, bool Grant, decimal? Amount, string? Reason, long? ExpectedVersion) : IRequest<BookingDetails>;

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

internal sealed class DecideCoFinancingValidator : AbstractValidator<DecideCoFinancing>
{
    public DecideCoFinancingValidator()
    {
        When(x => x.Grant, () => RuleFor(x => x.Amount).NotNull().WithMessage("Vul het toe te kennen bedrag in.")
            .GreaterThan(0).WithMessage("Het toegekende bedrag moet groter dan € 0 zijn."));
        When(x => !x.Grant, () => RuleFor(x => x.Reason).NotEmpty().WithMessage("Geef een reden voor het afwijzen."));
        RuleFor(x => x.Reason).MaximumLength(1000).WithMessage("De reden mag hoogstens 1000 tekens hebben.");
    }
}

internal sealed class CoFinancingHandler(IDocumentSession session, IMartenOutbox outbox, IRequestContext context, SeatPlanner planner, TimeProvider clock)
    : IRequestHandler<DecideCoFinancing, BookingDetails>, IRequestHandler<GetCoFinancingOverview, CoFinancingOverview>
{
    public async Task<BookingDetails> Handle(DecideCoFinancing request, CancellationToken cancellationToken)
    {
        var booking = await planner.LoadForChangeAsync(request.BookingId, request.ExpectedVersion, cancellationToken);
        var requested = booking.CoFinancingRequested ?? throw new RuleViolationException("Voor deze aanvraag is geen cofinanciering gevraagd.");
        if (booking.Status == BookingStatus.Cancelled)
        {
            throw new ConflictException("Deze aanvraag is geannuleerd; over de cofinanciering wordt niet meer besloten.");
        }
        if (booking.CoFinancingDecision is not null)
        {
            throw new ConflictException($"Over deze cofinanciering is al besloten: {booking.CoFinancingDecision}.");
        }
        if (request.Grant && request.Amount > requested)
        {
            throw new RuleViolationException($"Het toegekende bedrag mag niet hoger zijn dan het gevraagde bedrag ({requested.ToString("C", DutchTime.Culture)}).");
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        session.Stamp(context, reason);
        outbox.EnrollWith(session, context);
        booking.CoFinancingDecision = request.Grant ? CoFinancingStatus.Granted : CoFinancingStatus.Refused;
        booking.CoFinancingGranted = request.Grant ? request.Amount : null;
        booking.CoFinancingReason = reason;
        booking.CoFinancingDecidedAt = clock.GetUtcNow();
        planner.Append(booking, request.Grant
            ? new CoFinancingGranted(booking.Id, requested, request.Amount!.Value)
            : new CoFinancingRefused(booking.Id, requested, reason!));
        session.Store(booking);
        await outbox.PublishAsync(new Contract.CoFinancingDecided(booking.Id, request.Grant, requested, booking.CoFinancingGranted, reason,
            booking.ContactName, booking.ContactEmail, booking.StatusUrl, booking.CoFinancingDecidedAt.Value));
        await session.SaveChangesAsync(cancellationToken);
        return BookingDetails.From(booking);
    }

    public async Task<CoFinancingOverview> Handle(GetCoFinancingOverview request, CancellationToken cancellationToken)
    {
        var bookings = await session.Query<Booking>().Where(b => b.CoFinancingRequested != null)
            .OrderBy(b => b.RequestedAt).Take(5000).ToListAsync(cancellationToken);
        return new CoFinancingOverview(bookings.Select(BookingDetails.From).ToList(),
            Totals(bookings, b => DutchTime.ToLocal(b.SessionStartsAt ?? b.RequestedAt).Year.ToString(CultureInfo.InvariantCulture)),
            Totals(bookings, b => b.AreaName));
    }

    /// <summary>A booking counts in the year of its session (or of its request while it has none); a cancelled one only apart.</summary>
    private static List<CoFinancingTotal> Totals(IEnumerable<Booking> bookings, Func<Booking, string> key) =>
        bookings.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var live = g.Where(b => b.Status != BookingStatus.Cancelled).ToList();
            var cancelled = g.Where(b => b.Status == BookingStatus.Cancelled).ToList();
            return new CoFinancingTotal(g.Key,
                live.Sum(b => b.CoFinancingRequested ?? 0), live.Sum(b => b.CoFinancingGranted ?? 0),
                live.Count(b => b.CoFinancingDecision is null), live.Count(b => b.CoFinancingDecision == CoFinancingStatus.Granted),
                live.Count(b => b.CoFinancingDecision == CoFinancingStatus.Refused), cancelled.Count, cancelled.Sum(b => b.CoFinancingGranted ?? 0));
        }).ToList();

    internal static void MapEndpoints(RouteGroupBuilder funders)
    {
        funders.MapGet("/co-financing", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCoFinancingOverview(), ct)))
            .WithName("GetCoFinancingOverview").WithSummary("Aanvragen voor cofinanciering met totalen per jaar en per gebied (financier)");
        funders.MapPost("/bookings/{id:guid}/co-financing", async (Guid id, DecideBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DecideCoFinancing(id, body.Grant, body.Amount, body.Reason, body.ExpectedVersion), ct)))
            .WithName("DecideCoFinancing").WithSummary("Cofinanciering toekennen (hoogstens het gevraagde bedrag) of afwijzen met reden (financier)");
    }

    internal sealed record DecideBody(bool Grant, decimal? Amount, string? Reason, long? ExpectedVersion);
}
