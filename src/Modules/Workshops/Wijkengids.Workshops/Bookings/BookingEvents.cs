using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Wijkengids.Workshops.Bookings;

// Events of a booking's stream (the plan van aanpak's events follow in the same stream: ActionPlanEvents.cs). Contact
// details and the private link are personal data, sealed with the booking's own subject (or the signed-in requester's
// account) – docs/adr/0007. Fields added later are nullable: events stored before them load with null, and the
// projection falls back to what was recorded then (the event's moment, its "reason" header, or BookingDetailsRecorded).

public sealed record BookingRequested(Guid BookingId, Guid FormatId, Guid? SessionId, Guid AreaId, string AreaName, Guid Subject, Guid? AccountId,
    Sealed Organisation, Sealed ContactName, Sealed ContactEmail, int Participants, string? PreferredDates, Sealed Goals,
    decimal? CoFinancingRequested, Sealed? CoFinancingMotivation, string? FormatTitle = null, DateTimeOffset? RequestedAt = null,
    Sealed? Token = null, string? TokenHash = null) : IDescribedEvent
{
    public string Describe() => $"Aanvraag voor een werkatelier in {AreaName}";
}

/// <summary>A place on the session; the session's stream holds the seat (SeatsAllocated).</summary>
public sealed record BookingConfirmed(Guid BookingId, Guid SessionId) : IDescribedEvent
{
    public string Describe() => "Boeking bevestigd";
}

/// <summary>On the session's wait list, at <see cref="Position"/> when it was placed; the session's ledger keeps the order after that.</summary>
public sealed record BookingWaitlisted(Guid BookingId, Guid SessionId, int Position) : IDescribedEvent
{
    public string Describe() => $"Boeking op de wachtlijst (plaats {Position})";
}

/// <summary>From the wait list to a place on <see cref="SessionId"/>, because places came free (SeatsPromoted on the session).</summary>
public sealed record BookingPromoted(Guid BookingId, Guid SessionId) : IDescribedEvent
{
    public string Describe() => "Boeking van de wachtlijst bevestigd";
}

/// <summary>Cancelled, with the organiser's reason (events stored before the reason was part of the data keep it in their "reason" header).</summary>
public sealed record BookingCancelled(Guid BookingId, string? Reason = null) : IDescribedEvent
{
    public string Describe() => "Boeking geannuleerd";
}

/// <summary>
/// Upgrade: what a booking requested before <see cref="BookingRequested"/> carried them kept only in its read model (the
/// format's title and the private link), recorded once by the system (docs/adr/0089). <see cref="Token"/> is null when the
/// contact was erased before.
/// </summary>
public sealed record BookingDetailsRecorded(Guid BookingId, string FormatTitle, Sealed? Token, string TokenHash) : IDescribedEvent
{
    public string Describe() => "Gegevens van de aanvraag vastgelegd (upgrade)";
}

/// <summary>The contact's personal data was erased (AVG): their key is gone, so the sealed values can no longer be read.</summary>
/// <summary>
/// The contact of a confirmed booking was erased: the organiser decides whether its places are freed (a cancellation) or
/// kept for the organisation (<see cref="BookingKeptForOrganisation"/>). Docs/adr/0099.
/// </summary>
public sealed record BookingAwaitsOrganiserDecision(Guid BookingId, string Reason, DateTimeOffset At) : IDescribedEvent
{
    public string Describe() => $"Boeking wacht op een besluit van de organisator ({Reason})";
}

/// <summary>The organiser keeps a booking whose contact was erased for the organisation (its places stay taken).</summary>
public sealed record BookingKeptForOrganisation(Guid BookingId, DateTimeOffset At) : IDescribedEvent
{
    public string Describe() => "Boeking behouden voor de organisatie";
}

public sealed record BookingErased(Guid BookingId, DateTimeOffset ErasedAt) : IDescribedEvent
{
    public string Describe() => "Gegevens van de aanvrager gewist (AVG)";
}

/// <summary>Where a booking stands; stable Dutch strings like every code of Workshops (docs/adr/0096).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BookingStatus>))]
public enum BookingStatus
{
    /// <summary>A request without a session yet.</summary>
    [JsonStringEnumMemberName("ontvangen"), Display(Name = "ontvangen")] Received,
    [JsonStringEnumMemberName("bevestigd"), Display(Name = "bevestigd")] Confirmed,
    [JsonStringEnumMemberName("wachtlijst"), Display(Name = "wachtlijst")] Waitlisted,
    [JsonStringEnumMemberName("geannuleerd"), Display(Name = "geannuleerd")] Cancelled,
}
