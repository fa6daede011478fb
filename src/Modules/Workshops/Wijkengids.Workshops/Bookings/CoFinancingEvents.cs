using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Wijkengids.Workshops.Bookings;

/// <summary>Granted: <see cref="Amount"/> of <see cref="Requested"/>, with the funder's note (older events keep it in their "reason" header).</summary>
public sealed record CoFinancingGranted(Guid BookingId, decimal Requested, decimal Amount, string? Reason = null, DateTimeOffset? DecidedAt = null)
    : IDescribedEvent
{
    public string Describe() => $"Cofinanciering toegekend: {Amount.ToString("C", DutchTime.Culture)} van {Requested.ToString("C", DutchTime.Culture)}";
}

public sealed record CoFinancingRefused(Guid BookingId, decimal Requested, string Reason, DateTimeOffset? DecidedAt = null) : IDescribedEvent
{
    public string Describe() => $"Cofinanciering afgewezen ({Requested.ToString("C", DutchTime.Culture)} gevraagd)";
}

/// <summary>
/// The request was closed without a decision because its requester was erased (AVG): nobody is left to receive the money
/// or account for it (docs/adr/0099).
/// </summary>
public sealed record CoFinancingClosed(Guid BookingId, decimal Requested, string Reason, DateTimeOffset ClosedAt) : IDescribedEvent
{
    public string Describe() => $"Cofinancieringsaanvraag gesloten zonder besluit ({Reason})";
}

/// <summary>The funder's decision on co-financing; stable Dutch strings like every code of Workshops (docs/adr/0096).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CoFinancingStatus>))]
public enum CoFinancingStatus
{
    [JsonStringEnumMemberName("toegekend"), Display(Name = "toegekend")] Granted,
    [JsonStringEnumMemberName("afgewezen"), Display(Name = "afgewezen")] Refused,
    /// <summary>Closed without a decision: the requester was erased (<see cref="CoFinancingClosed"/>).</summary>
    [JsonStringEnumMemberName("gesloten"), Display(Name = "gesloten: aanvrager gewist")] Closed,
}
