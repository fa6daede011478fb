using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.SharedKernel;
using Wijkengids.Workshops.Bookings;
using Wijkengids.Workshops.Formats;
using Wolverine.Marten;
using Contract = Wijkengids.Workshops.Contracts;

namespace Wijkengids.Workshops.Sessions;

/// <summary>
/// An organiser schedules a session. <see cref="StartsAt"/> is the local time in Europe/Amsterdam (e.g. 2027-03-04T14:00);
/// it is stored in UTC.
/// </summary>
public sealed record ScheduleSession(string FormatSlug, DateTime StartsAt, string? Place, string? OnlineLink, int? Capacity, IReadOnlyList<Guid>? Trainers)
    : IRequest<SessionSummary>;

/// <summary>An organiser moves a session to another time or place; the booked areas are told.</summary>
public sealed record MoveSession(Guid SessionId, DateTime StartsAt, string? Place, string? OnlineLink, string? Reason) : IRequest<SessionSummary>;

/// <summary>An organiser cancels a session with a reason; every booking on it is cancelled too.</summary>
public sealed record CancelSession(Guid SessionId, string Reason) : IRequest<SessionSummary>;

/// <summary>Upcoming sessions (not cancelled), soonest first; optionally of one format.</summary>
public sealed record ListUpcomingSessions(string? FormatSlug) : IRequest<IReadOnlyList<SessionSummary>>;

/// <summary>One session with its seat ledger, for the organiser's session page.</summary>
public sealed record GetSession(Guid SessionId) : IRequest<WorkshopSession>;

public sealed record SessionSummary(Guid Id, Guid FormatId, string FormatTitle, string FormatSlug, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? Place, string? OnlineLink, int Capacity, int FreePlaces, int WaitListLength, bool Cancelled, long Version)
{
    public static SessionSummary From(WorkshopSession s) => new(s.Id, s.FormatId, s.FormatTitle, s.FormatSlug, s.StartsAt, s.EndsAt, s.Place,
        s.OnlineLink, s.Capacity, s.FreePlaces, s.WaitList.Count, s.Cancelled, s.Version);
}

internal sealed class ScheduleSessionValidator : AbstractValidator<ScheduleSession>
{
    public ScheduleSessionValidator()
    {
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.Place) || !string.IsNullOrWhiteSpace(x.OnlineLink))
            .WithName("Place").WithMessage("Geef een plaats of een link voor een online sessie.");
        RuleFor(x => x.Place).MaximumLength(200).WithMessage("De plaats mag hoogstens 200 tekens hebben.");
        RuleFor(x => x.OnlineLink).Must(SessionRules.IsHttpsLink!).When(x => !string.IsNullOrWhiteSpace(x.OnlineLink))
            .WithMessage("De online link moet met https:// beginnen.");
        RuleFor(x => x.Capacity).InclusiveBetween(1, 500).When(x => x.Capacity is not null).WithMessage("De capaciteit ligt tussen 1 en 500.");
    }
}

internal sealed class MoveSessionValidator : AbstractValidator<MoveSession>
{
    public MoveSessionValidator()
    {
        RuleFor(x => x.Place).MaximumLength(200).WithMessage("De plaats mag hoogstens 200 tekens hebben.");
        RuleFor(x => x.OnlineLink).Must(SessionRules.IsHttpsLink!).When(x => !string.IsNullOrWhiteSpace(x.OnlineLink))
            .WithMessage("De online link moet met https:// beginnen.");
    }
}

internal sealed class CancelSessionValidator : AbstractValidator<CancelSession>
{
    public CancelSessionValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Geef een reden voor het annuleren.").MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
}

internal static class SessionRules
{
    public static bool IsHttpsLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && link.Length <= 500;

    /// <summary>Local Amsterdam time → UTC; a time that does not exist (spring forward) is refused.</summary>
    public static DateTimeOffset ToUtc(DateTime local)
    {
        if (local.Kind == DateTimeKind.Utc) return new DateTimeOffset(local);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (DutchTime.Zone.IsInvalidTime(unspecified)) throw new RuleViolationException("Dit tijdstip bestaat niet door de overgang naar zomertijd; kies een ander tijdstip.");
        return new DateTimeOffset(unspecified, DutchTime.Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}

internal sealed class ManageSessionsHandler(IDocumentSession session, IMartenOutbox outbox, IRequestContext context, TimeProvider clock)
    : IRequestHandler<ScheduleSession, SessionSummary>, IRequestHandler<MoveSession, SessionSummary>,
        IRequestHandler<CancelSession, SessionSummary>, IRequestHandler<ListUpcomingSessions, IReadOnlyList<SessionSummary>>,
        IRequestHandler<GetSession, WorkshopSession>
{
    public async Task<SessionSummary> Handle(ScheduleSession request, CancellationToken cancellationToken)
    {
        var format = await session.Query<WorkshopFormat>().FirstOrDefaultAsync(f => f.Slug == request.FormatSlug, cancellationToken)
                     ?? throw new NotFoundException("Dit werkatelier bestaat niet.");
        var startsAt = SessionRules.ToUtc(request.StartsAt);
        if (startsAt <= clock.GetUtcNow()) throw new RuleViolationException("Een sessie plant u in de toekomst.");
        var trainers = request.Trainers ?? format.Trainers.Select(t => t.PersonId).ToList();
        var unknown = trainers.Except(format.Trainers.Select(t => t.PersonId)).Any();
        if (unknown) throw new RuleViolationException("Kies trainers die dit werkatelier geven.");

        var id = Guid.NewGuid();
        session.Stamp(context);
        session.Events.StartStream<WorkshopSession>(id, new SessionScheduled(id, format.Id, format.Title, format.Slug, startsAt, format.DurationMinutes,
            request.Place?.Trim(), request.OnlineLink?.Trim(), request.Capacity ?? format.ParticipantsPerSession, [.. trainers]));
        await session.SaveChangesAsync(cancellationToken);
        return SessionSummary.From(await LoadAsync(id, cancellationToken));
    }

    public async Task<SessionSummary> Handle(MoveSession request, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForExclusiveWriting<WorkshopSession>(request.SessionId, cancellationToken);
        var workshop = stream.Aggregate ?? throw new NotFoundException("Deze sessie bestaat niet.");
        if (workshop.Cancelled) throw new RuleViolationException("Een geannuleerde sessie kan niet worden verplaatst.");
        var to = SessionRules.ToUtc(request.StartsAt);
        if (to <= clock.GetUtcNow()) throw new RuleViolationException("Verplaats een sessie naar een tijdstip in de toekomst.");
        var place = string.IsNullOrWhiteSpace(request.Place) ? workshop.Place : request.Place.Trim();
        var link = string.IsNullOrWhiteSpace(request.OnlineLink) ? workshop.OnlineLink : request.OnlineLink.Trim();

        session.Stamp(context, request.Reason);
        outbox.EnrollWith(session, context);
        var moved = new SessionRescheduled(workshop.Id, workshop.StartsAt, to, place, link);
        stream.AppendOne(moved);
        var attendees = await session.Query<Booking>()
            .Where(b => b.SessionId == workshop.Id && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Waitlisted))
            .ToListAsync(cancellationToken);
        foreach (var booking in attendees)
        {
            booking.SessionStartsAt = to;
            session.Store(booking);
        }
        await outbox.PublishAsync(new Contract.SessionMoved(workshop.Id, workshop.FormatTitle, workshop.StartsAt, to, place,
            attendees.Select(b => new Contract.SessionAttendee(b.Id, b.ContactName, b.ContactEmail, b.StatusUrl)).ToList(), clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);
        return SessionSummary.From(await LoadAsync(workshop.Id, cancellationToken));
    }

    public async Task<SessionSummary> Handle(CancelSession request, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForExclusiveWriting<WorkshopSession>(request.SessionId, cancellationToken);
        var workshop = stream.Aggregate ?? throw new NotFoundException("Deze sessie bestaat niet.");
        if (workshop.Cancelled) return SessionSummary.From(workshop);
        session.Stamp(context, request.Reason);
        outbox.EnrollWith(session, context);
        stream.AppendOne(new SessionCancelled(workshop.Id));
        var bookings = await session.Query<Booking>()
            .Where(b => b.SessionId == workshop.Id && b.Status != BookingStatus.Cancelled)
            .ToListAsync(cancellationToken);
        foreach (var booking in bookings)
        {
            booking.Status = BookingStatus.Cancelled;
            booking.WaitListPosition = null;
            booking.CancelReason = request.Reason.Trim();
            session.Events.Append(booking.Id, booking.Version + 1, new BookingCancelled(booking.Id));
            booking.Version++;
            session.Store(booking);
            await outbox.PublishAsync(new Contract.BookingCancelled(booking.Id, workshop.Id, workshop.FormatTitle, booking.CancelReason,
                booking.ContactName, booking.ContactEmail, booking.StatusUrl, clock.GetUtcNow()));
        }
        await session.SaveChangesAsync(cancellationToken);
        return SessionSummary.From(await LoadAsync(workshop.Id, cancellationToken));
    }

    public async Task<IReadOnlyList<SessionSummary>> Handle(ListUpcomingSessions request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IQueryable<WorkshopSession> query = session.Query<WorkshopSession>().Where(s => !s.Cancelled && s.StartsAt > now);
        if (!string.IsNullOrWhiteSpace(request.FormatSlug)) query = query.Where(s => s.FormatSlug == request.FormatSlug);
        var sessions = await query.OrderBy(s => s.StartsAt).Take(500).ToListAsync(cancellationToken);
        return sessions.Select(SessionSummary.From).ToList();
    }

    public Task<WorkshopSession> Handle(GetSession request, CancellationToken cancellationToken) => LoadAsync(request.SessionId, cancellationToken);

    private async Task<WorkshopSession> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await session.Events.AggregateStreamAsync<WorkshopSession>(id, token: cancellationToken)
        ?? throw new NotFoundException("Deze sessie bestaat niet.");

    internal static void MapEndpoints(RouteGroupBuilder open, RouteGroupBuilder organisers)
    {
        open.MapGet("/sessions", async (string? format, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListUpcomingSessions(format), ct)))
            .WithName("ListUpcomingSessions").WithSummary("Komende sessies met vrije plaatsen");
        organisers.MapPost("/sessions", async (ScheduleSession command, IMediator mediator, CancellationToken ct) =>
            {
                var scheduled = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/workshops/sessions/{scheduled.Id}", scheduled);
            })
            .WithName("ScheduleSession").WithSummary("Sessie plannen; tijd in Europe/Amsterdam (organisator)");
        organisers.MapPost("/sessions/{id:guid}/move", async (Guid id, MoveBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new MoveSession(id, body.StartsAt, body.Place, body.OnlineLink, body.Reason), ct)))
            .WithName("MoveSession").WithSummary("Sessie verplaatsen; de deelnemers krijgen bericht (organisator)");
        organisers.MapPost("/sessions/{id:guid}/cancel", async (Guid id, CancelBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelSession(id, body.Reason ?? ""), ct)))
            .WithName("CancelSession").WithSummary("Sessie annuleren met reden (organisator)");
    }

    internal sealed record MoveBody(DateTime StartsAt, string? Place, string? OnlineLink, string? Reason);

    internal sealed record CancelBody(string? Reason);
}
