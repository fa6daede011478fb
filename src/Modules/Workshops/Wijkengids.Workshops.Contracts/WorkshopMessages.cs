namespace Wijkengids.Workshops.Contracts;

// Messages Workshops publishes for the people involved (Community mails them). Contact details are given
// only so that the mail can be sent; they are personal data and must not be stored by the receiver beyond that.

public sealed record BookingConfirmed(Guid BookingId, Guid SessionId, string FormatTitle, DateTimeOffset StartsAt, string? Place,
    string ContactName, string ContactEmail, string StatusUrl, DateTimeOffset At);

public sealed record BookingWaitlisted(Guid BookingId, Guid SessionId, string FormatTitle, DateTimeOffset StartsAt, int Position,
    string ContactName, string ContactEmail, string StatusUrl, DateTimeOffset At);

public sealed record BookingPromoted(Guid BookingId, Guid SessionId, string FormatTitle, DateTimeOffset StartsAt, string? Place,
    string ContactName, string ContactEmail, string StatusUrl, DateTimeOffset At);

public sealed record BookingCancelled(Guid BookingId, Guid? SessionId, string FormatTitle, string Reason,
    string ContactName, string ContactEmail, string StatusUrl, DateTimeOffset At);

public sealed record SessionMoved(Guid SessionId, string FormatTitle, DateTimeOffset From, DateTimeOffset To, string? Place,
    IReadOnlyList<SessionAttendee> Attendees, DateTimeOffset At);

public sealed record SessionAttendee(Guid BookingId, string ContactName, string ContactEmail, string StatusUrl);

public sealed record CoFinancingDecided(Guid BookingId, bool Granted, decimal Requested, decimal? Amount, string? Reason,
    string ContactName, string ContactEmail, string StatusUrl, DateTimeOffset At);

/// <summary>The organiser recorded the plan van aanpak of a booking (once, not for revisions); <see cref="PlanUrl"/> is the contact's private link to it.</summary>
public sealed record ActionPlanRecorded(Guid BookingId, string FormatTitle, string AreaName, string ContactName, string ContactEmail, string PlanUrl,
    DateTimeOffset At);
