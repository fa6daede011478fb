using Wijkengids.SharedKernel;

namespace Wijkengids.Workshops.Sessions;

// Events of a session's stream. The stream is also the seat ledger: every booking placed on the session is
// recorded here in order, so capacity and wait-list order are decided by one stream, under one lock.

public sealed record SessionScheduled(Guid SessionId, Guid FormatId, string FormatTitle, string FormatSlug, DateTimeOffset StartsAt,
    int DurationMinutes, string? Place, string? OnlineLink, int Capacity, Guid[] Trainers) : IDescribedEvent
{
    public string Describe() => $"Sessie ‘{FormatTitle}’ gepland op {DutchTime.Format(StartsAt)}";
}

public sealed record SessionRescheduled(Guid SessionId, DateTimeOffset From, DateTimeOffset To, string? Place, string? OnlineLink) : IDescribedEvent
{
    public string Describe() => $"Sessie verplaatst naar {DutchTime.Format(To)}";
}

public sealed record SessionCancelled(Guid SessionId) : IDescribedEvent
{
    public string Describe() => "Sessie geannuleerd";
}

public sealed record SeatsAllocated(Guid SessionId, Guid BookingId, int Seats) : IDescribedEvent
{
    public string Describe() => $"{Seats} plaats(en) toegewezen";
}

public sealed record SeatsWaitlisted(Guid SessionId, Guid BookingId, int Seats) : IDescribedEvent
{
    public string Describe() => $"Op de wachtlijst gezet ({Seats} plaats(en))";
}

public sealed record SeatsReleased(Guid SessionId, Guid BookingId) : IDescribedEvent
{
    public string Describe() => "Plaatsen vrijgegeven";
}

public sealed record SeatsPromoted(Guid SessionId, Guid BookingId, int Seats) : IDescribedEvent
{
    public string Describe() => "Van de wachtlijst naar een plaats";
}

public sealed record Seat(Guid BookingId, int Seats);

/// <summary>A scheduled session, built from its stream (kept inline as a snapshot for reading).</summary>
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

    /// <summary>Where a new booking of <paramref name="seats"/> goes: a place when they all fit, else the wait list.</summary>
    public object Decide(Guid bookingId, int seats) =>
        seats <= FreePlaces && WaitList.Count == 0
            ? new SeatsAllocated(Id, bookingId, seats)
            : new SeatsWaitlisted(Id, bookingId, seats);

    /// <summary>After places were freed: the first on the wait list is promoted while their seats fit (strict order).</summary>
    public IEnumerable<SeatsPromoted> Promotions()
    {
        var free = FreePlaces;
        foreach (var waiting in WaitList)
        {
            if (waiting.Seats > free) yield break;
            free -= waiting.Seats;
            yield return new SeatsPromoted(Id, waiting.BookingId, waiting.Seats);
        }
    }
}
