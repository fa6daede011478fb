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

/// <summary>The funder's decision on co-financing; stable Dutch strings like every code of Workshops (docs/adr/0096).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CoFinancingStatus>))]
public enum CoFinancingStatus
{
    [JsonStringEnumMemberName("toegekend"), Display(Name = "toegekend")] Granted,
    [JsonStringEnumMemberName("afgewezen"), Display(Name = "afgewezen")] Refused,
}
