namespace Wijkengids.Workshops.Sessions;

// Events of a session's stream. The stream is also the seat ledger: every booking placed on the session is
// recorded here in order, so capacity and wait-list order are decided by one stream, under one lock (docs/adr/0091).

public sealed record SessionScheduled(Guid SessionId, Guid FormatId, string FormatTitle, string FormatSlug, DateTimeOffset StartsAt,
    int DurationMinutes, string? Place, string? OnlineLink, int Capacity, Guid[] Trainers) : IDescribedEvent
{
    public string Describe() => $"Sessie ‘{FormatTitle}’ gepland op {DutchTime.Format(StartsAt)}";
}

public sealed record SessionRescheduled(Guid SessionId, DateTimeOffset From, DateTimeOffset To, string? Place, string? OnlineLink) : IDescribedEvent
{
    public string Describe() => $"Sessie verplaatst naar {DutchTime.Format(To)}";
}

/// <summary>Cancelled, with the organiser's reason (events stored before the reason was part of the data keep it in their "reason" header).</summary>
public sealed record SessionCancelled(Guid SessionId, string? Reason = null) : IDescribedEvent
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
