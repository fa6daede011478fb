namespace Wijkengids.Workshops.Sessions;

/// <summary>
/// A scheduled session and its seat ledger, rebuilt from its stream and kept inline as a snapshot for reading (pages,
/// the calendar). Its decision methods check the rules and answer with the events to append; seat decisions are made
/// under the stream's lock (<see cref="Bookings.SeatPlanning"/>), so capacity and wait-list order hold under contention.
/// </summary>
public sealed class WorkshopSession
{
    public Guid Id { get; set; }
    public Guid FormatId { get; set; }
    public string FormatTitle { get; set; } = "";
    public string FormatSlug { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public int Capacity { get; set; }
    public List<Guid> Trainers { get; set; } = [];
    public bool Cancelled { get; set; }
    public List<Seat> Confirmed { get; set; } = [];
    public List<Seat> WaitList { get; set; } = [];
    public long Version { get; set; }

    public int SeatsTaken => Confirmed.Sum(s => s.Seats);
    public int FreePlaces => Math.Max(0, Capacity - SeatsTaken);
    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);

    /// <summary>The place of a booking on the wait list (1 is next), or null when it is not waiting.</summary>
    public int? WaitListPositionOf(Guid bookingId) => WaitList.FindIndex(s => s.BookingId == bookingId) is var i and >= 0 ? i + 1 : null;

    public void Apply(SessionScheduled e)
    {
        Id = e.SessionId;
        FormatId = e.FormatId;
        FormatTitle = e.FormatTitle;
        FormatSlug = e.FormatSlug;
        StartsAt = e.StartsAt;
        DurationMinutes = e.DurationMinutes;
        Place = e.Place;
        OnlineLink = e.OnlineLink;
        Capacity = e.Capacity;
        Trainers = [.. e.Trainers];
    }

    public void Apply(SessionRescheduled e)
    {
        StartsAt = e.To;
        Place = e.Place;
        OnlineLink = e.OnlineLink;
    }

    public void Apply(SessionCancelled e) => Cancelled = true;

    public void Apply(SeatsAllocated e) => Confirmed.Add(new Seat(e.BookingId, e.Seats));

    public void Apply(SeatsWaitlisted e) => WaitList.Add(new Seat(e.BookingId, e.Seats));

    public void Apply(SeatsReleased e)
    {
        Confirmed.RemoveAll(s => s.BookingId == e.BookingId);
        WaitList.RemoveAll(s => s.BookingId == e.BookingId);
    }

    public void Apply(SeatsPromoted e)
    {
        WaitList.RemoveAll(s => s.BookingId == e.BookingId);
        Confirmed.Add(new Seat(e.BookingId, e.Seats));
    }

    /// <summary>A new session of a format, in the future, with trainers who give that format.</summary>
    public static SessionScheduled Schedule(Guid id, Formats.WorkshopFormat format, DateTimeOffset startsAt, string? place, string? onlineLink,
        int? capacity, IReadOnlyList<Guid>? trainers, DateTimeOffset now)
    {
        if (startsAt <= now) throw new RuleViolationException("Een sessie plant u in de toekomst.");
        var given = format.Trainers.Select(t => t.PersonId).ToList();
        var chosen = trainers ?? given;
        if (chosen.Except(given).Any()) throw new RuleViolationException("Kies trainers die dit werkatelier geven.");
        return new SessionScheduled(id, format.Id, format.Title, format.Slug, startsAt, format.DurationMinutes, place, onlineLink,
            capacity ?? format.ParticipantsPerSession, [.. chosen]);
    }

    /// <summary>To another time (in the future) and, when given, another place or link; what is not given stays.</summary>
    public SessionRescheduled Move(DateTimeOffset to, string? place, string? onlineLink, DateTimeOffset now)
    {
        if (Cancelled) throw new RuleViolationException("Een geannuleerde sessie kan niet worden verplaatst.");
        if (to <= now) throw new RuleViolationException("Verplaats een sessie naar een tijdstip in de toekomst.");
        return new SessionRescheduled(Id, StartsAt, to, string.IsNullOrWhiteSpace(place) ? Place : place.Trim(),
            string.IsNullOrWhiteSpace(onlineLink) ? OnlineLink : onlineLink.Trim());
    }

    /// <summary>Cancelled once; cancelling again changes nothing.</summary>
    public SessionCancelled? Cancel(string reason) => Cancelled ? null : new SessionCancelled(Id, reason.Trim());

    /// <summary>
    /// Where a new booking of <paramref name="seats"/> goes: a place when they all fit and nobody waits, else the end of
    /// the wait list. Only on an open session of the booking's format that has not begun, and never more than it holds.
    /// </summary>
    public object PlaceBooking(Guid bookingId, Guid formatId, int seats, DateTimeOffset now)
    {
        if (FormatId != formatId) throw new RuleViolationException("Deze sessie hoort niet bij dit werkatelier.");
        if (Cancelled) throw new RuleViolationException("Deze sessie is geannuleerd; kies een andere sessie.");
        if (StartsAt <= now) throw new RuleViolationException("Deze sessie is al begonnen of voorbij; kies een andere sessie.");
        if (seats > Capacity) throw new RuleViolationException($"Deze sessie heeft {Capacity} plaatsen; u vraagt er {seats}.");
        return seats <= FreePlaces && WaitList.Count == 0
            ? new SeatsAllocated(Id, bookingId, seats)
            : new SeatsWaitlisted(Id, bookingId, seats);
    }

    /// <summary>
    /// Frees a booking's places (or its place on the wait list); on a session that is not cancelled, whoever waits first
    /// then gets a place, in strict order, as long as their seats fit.
    /// </summary>
    public IReadOnlyList<object> Release(Guid bookingId)
    {
        var changes = new List<object> { new SeatsReleased(Id, bookingId) };
        if (Cancelled) return changes;
        var free = Capacity - Confirmed.Where(s => s.BookingId != bookingId).Sum(s => s.Seats);
        foreach (var waiting in WaitList.Where(s => s.BookingId != bookingId))
        {
            if (waiting.Seats > free) break;
            free -= waiting.Seats;
            changes.Add(new SeatsPromoted(Id, waiting.BookingId, waiting.Seats));
        }
        return changes;
    }
}
