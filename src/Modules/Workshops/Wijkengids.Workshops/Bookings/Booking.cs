using Wijkengids.Workshops.Sessions;

namespace Wijkengids.Workshops.Bookings;

/// <summary>
/// A booking request as organisers and the requester see it: the inline projection of its stream
/// (<see cref="BookingProjection"/>), never written by a handler. Holds the clear text revealed from the sealed values;
/// after an erasure they can no longer be read and the booking shows "[gewist]". The session's time and the place on its
/// wait list are read from the session's ledger (<see cref="BookingDetails.From"/>), which decides them.
/// </summary>
public sealed class Booking
{
    public Guid Id { get; set; }
    /// <summary>The secret of the requester's private status link; null once the contact is erased.</summary>
    public string? Token { get; set; }
    /// <summary>SHA-256 of the token (<see cref="BookingLinks.Hash"/>): how a link finds its booking, also after an erasure.</summary>
    public string? TokenHash { get; set; }
    public Guid FormatId { get; set; }
    public string FormatTitle { get; set; } = "";
    public Guid? SessionId { get; set; }
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
    public CoFinancingStatus? CoFinancingDecision { get; set; }
    public decimal? CoFinancingGranted { get; set; }
    public string? CoFinancingReason { get; set; }
    public DateTimeOffset? CoFinancingDecidedAt { get; set; }
    public BookingStatus Status { get; set; } = BookingStatus.Received;
    public string? CancelReason { get; set; }
    /// <summary>The contact was erased while the booking was confirmed: the organiser frees the places or keeps them.</summary>
    public bool AwaitsDecision { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public long Version { get; set; }

    public string StatusUrl => BookingLinks.StatusUrl(Token);
}

/// <summary>A booking as the API shows it to organisers and (through the private link) to the requester.</summary>
public sealed record BookingDetails(Guid Id, Guid FormatId, string FormatTitle, Guid? SessionId, DateTimeOffset? SessionStartsAt, Guid AreaId,
    string AreaName, string Organisation, string ContactName, string ContactEmail, int Participants, string? PreferredDates, string Goals,
    decimal? CoFinancingRequested, BookingStatus Status, int? WaitListPosition, string? CancelReason, DateTimeOffset RequestedAt, long Version, string StatusUrl,
    string? CoFinancingMotivation, CoFinancingStatus? CoFinancingDecision, decimal? CoFinancingGranted, string? CoFinancingReason, DateTimeOffset? CoFinancingDecidedAt,
    bool AwaitsDecision = false)
{
    /// <summary>The booking with its session's time and, while it waits, its place on the session's wait list.</summary>
    public static BookingDetails From(Booking b, WorkshopSession? session) => new(b.Id, b.FormatId, b.FormatTitle, b.SessionId, session?.StartsAt,
        b.AreaId, b.AreaName, b.Organisation, b.ContactName, b.ContactEmail, b.Participants, b.PreferredDates, b.Goals, b.CoFinancingRequested,
        b.Status, b.Status == BookingStatus.Waitlisted ? session?.WaitListPositionOf(b.Id) : null, b.CancelReason, b.RequestedAt, b.Version,
        b.StatusUrl, b.CoFinancingMotivation, b.CoFinancingDecision, b.CoFinancingGranted, b.CoFinancingReason, b.CoFinancingDecidedAt,
        b.AwaitsDecision);

    /// <summary>Many bookings, each with its session (read once per session).</summary>
    public static async Task<IReadOnlyList<BookingDetails>> FromAsync(IQuerySession session, IReadOnlyList<Booking> bookings,
        CancellationToken cancellationToken)
    {
        var ids = bookings.Where(b => b.SessionId is not null).Select(b => b.SessionId!.Value).Distinct().ToArray();
        var sessions = ids.Length == 0 ? [] : (await session.LoadManyAsync<WorkshopSession>(cancellationToken, ids)).ToDictionary(s => s.Id);
        return bookings.Select(b => From(b, b.SessionId is { } id ? sessions.GetValueOrDefault(id) : null)).ToList();
    }
}
