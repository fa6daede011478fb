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

/// <summary>An organiser places a received request on a session (a place, or the wait list when full).</summary>
public sealed record AssignBooking(Guid BookingId, Guid SessionId, long? ExpectedVersion, string? Reason) : IRequest<BookingDetails>;

/// <summary>An organiser cancels a booking; a reason is required. Its places go to the first on the wait list.</summary>
public sealed record CancelBooking(Guid BookingId, string Reason, long? ExpectedVersion) : IRequest<BookingDetails>;

public sealed record ListBookings(string? Status, Guid? SessionId) : IRequest<IReadOnlyList<BookingDetails>>;

public sealed record GetBooking(Guid BookingId) : IRequest<BookingDetails>;

/// <summary>The requester follows their request through the private link.</summary>
public sealed record GetBookingByToken(string Token) : IRequest<BookingDetails>;

internal sealed class CancelBookingValidator : AbstractValidator<CancelBooking>
{
    public CancelBookingValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Geef een reden voor het annuleren.").MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
}

internal sealed class ManageBookingsHandler(IDocumentSession session, IMartenOutbox outbox, IRequestContext context, SeatPlanner planner, TimeProvider clock)
    : IRequestHandler<AssignBooking, BookingDetails>, IRequestHandler<CancelBooking, BookingDetails>,
        IRequestHandler<ListBookings, IReadOnlyList<BookingDetails>>, IRequestHandler<GetBooking, BookingDetails>,
        IRequestHandler<GetBookingByToken, BookingDetails>
{
    public async Task<BookingDetails> Handle(AssignBooking request, CancellationToken cancellationToken)
    {
        var booking = await LoadAsync(request.BookingId, request.ExpectedVersion, cancellationToken);
        if (booking.Status != BookingStatus.Received)
        {
            throw new RuleViolationException("Alleen een aanvraag zonder sessie kan aan een sessie worden toegewezen.");
        }
        session.Stamp(context, request.Reason);
        outbox.EnrollWith(session, context);
        await planner.PlaceAsync(booking, request.SessionId, cancellationToken);
        session.Store(booking);
        await session.SaveChangesAsync(cancellationToken);
        return BookingDetails.From(booking);
    }

    public async Task<BookingDetails> Handle(CancelBooking request, CancellationToken cancellationToken)
    {
        var booking = await LoadAsync(request.BookingId, request.ExpectedVersion, cancellationToken);
        if (booking.Status == BookingStatus.Cancelled) return BookingDetails.From(booking);
        session.Stamp(context, request.Reason);
        outbox.EnrollWith(session, context);
        await planner.ReleaseAsync(booking, cancellationToken);
        booking.Status = BookingStatus.Cancelled;
        booking.WaitListPosition = null;
        booking.CancelReason = request.Reason.Trim();
        planner.Append(booking, new BookingCancelled(booking.Id));
        session.Store(booking);
        await outbox.PublishAsync(new Contract.BookingCancelled(booking.Id, booking.SessionId, booking.FormatTitle, booking.CancelReason,
            booking.ContactName, booking.ContactEmail, booking.StatusUrl, clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);
        return BookingDetails.From(booking);
    }

    public async Task<IReadOnlyList<BookingDetails>> Handle(ListBookings request, CancellationToken cancellationToken)
    {
        IQueryable<Booking> query = session.Query<Booking>();
        if (!string.IsNullOrWhiteSpace(request.Status)) query = query.Where(b => b.Status == request.Status);
        if (request.SessionId is { } sessionId) query = query.Where(b => b.SessionId == sessionId);
        var bookings = await query.OrderBy(b => b.RequestedAt).Take(2000).ToListAsync(cancellationToken);
        return bookings.Select(BookingDetails.From).ToList();
    }

    public async Task<BookingDetails> Handle(GetBooking request, CancellationToken cancellationToken) =>
        BookingDetails.From(await LoadAsync(request.BookingId, null, cancellationToken));

    public async Task<BookingDetails> Handle(GetBookingByToken request, CancellationToken cancellationToken)
    {
        var booking = string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 64
            ? null
            : await session.Query<Booking>().FirstOrDefaultAsync(b => b.Token == request.Token, cancellationToken);
        return BookingDetails.From(booking ?? throw new NotFoundException("Deze aanvraag bestaat niet. Controleer de link uit uw e-mail."));
    }

    private Task<Booking> LoadAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken) =>
        planner.LoadForChangeAsync(id, expectedVersion, cancellationToken);

    internal static void MapEndpoints(RouteGroupBuilder open, RouteGroupBuilder organisers)
    {
        open.MapGet("/bookings/status/{token}", async (string token, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetBookingByToken(token), ct)))
            .WithName("GetBookingStatus").WithSummary("Status van een aanvraag via de persoonlijke link").ProducesProblem(StatusCodes.Status404NotFound);
        organisers.MapGet("/bookings", async (string? status, Guid? sessionId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListBookings(status, sessionId), ct)))
            .WithName("ListBookings").WithSummary("Aanvragen en boekingen (organisator)");
        organisers.MapGet("/bookings/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetBooking(id), ct)))
            .WithName("GetBooking").WithSummary("Eén aanvraag (organisator)");
        organisers.MapPost("/bookings/{id:guid}/assign", async (Guid id, AssignBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AssignBooking(id, body.SessionId, body.ExpectedVersion, body.Reason), ct)))
            .WithName("AssignBooking").WithSummary("Aanvraag aan een sessie toewijzen (organisator)");
        organisers.MapPost("/bookings/{id:guid}/cancel", async (Guid id, CancelBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelBooking(id, body.Reason ?? "", body.ExpectedVersion), ct)))
            .WithName("CancelBooking").WithSummary("Boeking annuleren met reden; de eerste op de wachtlijst schuift door (organisator)");
    }

    internal sealed record AssignBody(Guid SessionId, long? ExpectedVersion, string? Reason);

    internal sealed record CancelBody(string? Reason, long? ExpectedVersion);
}
