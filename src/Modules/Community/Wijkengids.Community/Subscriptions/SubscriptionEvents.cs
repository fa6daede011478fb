using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Wijkengids.Community.Subscriptions;

// Events of a subscription's stream (one stream per e-mail address): the truth from which the Subscription aggregate and
// the SubscriptionView read model are rebuilt (docs/adr/0089). The address is sealed with the subscription's own key, so
// erasing the subscriber makes it unreadable in the history too. Fields added later are nullable: events stored before
// them load with null, and the projection falls back to the moment the event was stored.

public sealed record SubscriptionRequested(Guid SubscriptionId, Sealed Email, string[] Themes, DateTimeOffset? RequestedAt = null) : IDescribedEvent
{
    public string Describe() => "Aanmelding voor updates aangevraagd";
}

public sealed record SubscriptionConfirmed(Guid SubscriptionId, string[] Themes, DateTimeOffset? ConfirmedAt = null) : IDescribedEvent
{
    public string Describe() => Themes.Length == 0 ? "Aanmelding voor updates bevestigd" : $"Aanmelding voor updates bevestigd (thema's: {string.Join(", ", Themes)})";
}

public sealed record SubscriptionCancelled(Guid SubscriptionId) : IDescribedEvent
{
    public string Describe() => "Afgemeld voor updates";
}

public sealed record SubscriptionErased(Guid SubscriptionId) : IDescribedEvent
{
    public string Describe() => "Aanmelding gewist (AVG)";
}

/// <summary>Where a subscription stands; stable Dutch strings like every code of Community (docs/adr/0096).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SubscriptionStatus>))]
public enum SubscriptionStatus
{
    [JsonStringEnumMemberName("aangevraagd"), Display(Name = "aangevraagd")] Requested,
    [JsonStringEnumMemberName("bevestigd"), Display(Name = "bevestigd")] Confirmed,
    [JsonStringEnumMemberName("afgemeld"), Display(Name = "afgemeld")] Cancelled,
    [JsonStringEnumMemberName("gewist"), Display(Name = "gewist")] Erased,
}
