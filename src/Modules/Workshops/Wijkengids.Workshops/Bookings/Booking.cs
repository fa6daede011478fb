using Wijkengids.SharedKernel;

namespace Wijkengids.Workshops.Bookings;

// Events of a booking's stream. Contact details are personal data, sealed with the booking's own subject
// (or the signed-in requester's account) – docs/adr/0007.

public sealed record BookingRequested(Guid BookingId, Guid FormatId, Guid? SessionId, Guid AreaId, string AreaName, Guid Subject, Guid? AccountId,
    Sealed Organisation, Sealed ContactName, Sealed ContactEmail, int Participants, string? PreferredDates, Sealed Goals,
    decimal? CoFinancingRequested, Sealed? CoFinancingMotivation) : IDescribedEvent
{
    public string Describe() => $"Aanvraag voor een werkatelier in {AreaName}";
}

public sealed record BookingConfirmed(Guid BookingId, Guid SessionId) : IDescribedEvent
{
    public string Describe() => "Boeking bevestigd";
}

public sealed record BookingWaitlisted(Guid BookingId, Guid SessionId, int Position) : IDescribedEvent
{
    public string Describe() => $"Boeking op de wachtlijst (plaats {Position})";
}

public sealed record BookingPromoted(Guid BookingId, Guid SessionId) : IDescribedEvent
{
    public string Describe() => "Boeking van de wachtlijst bevestigd";
}

public sealed record BookingCancelled(Guid BookingId) : IDescribedEvent
{
    public string Describe() => "Boeking geannuleerd";
}

public static class BookingStatus
{
    public const string Received = "ontvangen";
    public const string Confirmed = "bevestigd";
    public const string Waitlisted = "wachtlijst";
    public const string Cancelled = "geannuleerd";
}

/// <summary>A booking request as organisers and the requester see it, written with its events.</summary>
public sealed class Booking
{
    public Guid Id { get; set; }
    /// <summary>The secret of the requester's private status link (never in events).</summary>
    public string Token { get; set; } = "";
    public Guid FormatId { get; set; }
    public string FormatTitle { get; set; } = "";
    public Guid? SessionId { get; set; }
    public DateTimeOffset? SessionStartsAt { get; set; }
    public Guid AreaId { get; set; }
    public string AreaName { get; set; } = "";
    public Guid Subject { get; set; }
    public Guid? AccountId { get; set; }
    public string Organisation { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public int Participants { get; set; }
    public string? PreferredDates { get; set; }
    public string Goals { get; set; } = "";
    public decimal? CoFinancingRequested { get; set; }
    public string? CoFinancingMotivation { get; set; }
    /// <summary>The funder's decision (<see cref="CoFinancingStatus"/>), null while open.</summary>
    public string? CoFinancingDecision { get; set; }
    public decimal? CoFinancingGranted { get; set; }
    public string? CoFinancingReason { get; set; }
    public DateTimeOffset? CoFinancingDecidedAt { get; set; }
    public string Status { get; set; } = BookingStatus.Received;
    public int? WaitListPosition { get; set; }
    public string? CancelReason { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public long Version { get; set; }

    public string StatusUrl => $"/werkateliers/aanvraag/{Token}";
}

/// <summary>A booking as the API shows it to organisers and (through the private link) to the requester.</summary>
public sealed record BookingDetails(Guid Id, Guid FormatId, string FormatTitle, Guid? SessionId, DateTimeOffset? SessionStartsAt, Guid AreaId,
    string AreaName, string Organisation, string ContactName, string ContactEmail, int Participants, string? PreferredDates, string Goals,
    decimal? CoFinancingRequested, string Status, int? WaitListPosition, string? CancelReason, DateTimeOffset RequestedAt, long Version, string StatusUrl,
    string? CoFinancingMotivation, string? CoFinancingDecision, decimal? CoFinancingGranted, string? CoFinancingReason, DateTimeOffset? CoFinancingDecidedAt)
{
    public static BookingDetails From(Booking b) => new(b.Id, b.FormatId, b.FormatTitle, b.SessionId, b.SessionStartsAt, b.AreaId, b.AreaName,
        b.Organisation, b.ContactName, b.ContactEmail, b.Participants, b.PreferredDates, b.Goals, b.CoFinancingRequested, b.Status,
        b.WaitListPosition, b.CancelReason, b.RequestedAt, b.Version, b.StatusUrl,
        b.CoFinancingMotivation, b.CoFinancingDecision, b.CoFinancingGranted, b.CoFinancingReason, b.CoFinancingDecidedAt);
}
