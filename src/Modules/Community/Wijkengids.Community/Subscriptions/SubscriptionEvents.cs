using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Wijkengids.Community.Subscriptions;

// Events of a subscription's stream (one stream per e-mail address): the truth from which the Subscription aggregate and
// the SubscriptionView read model are rebuilt (docs/adr/0089). The address is sealed with the subscription's own key, so
// erasing the subscriber makes it unreadable in the history too. Fields added later are nullable: events stored before
// them load with null, and the projection falls back to the moment the event was stored.

// Chapters, MajorOnly and Frequency came later (docs/adr/0098): null in older events means every chapter, every change, each update.

public sealed record SubscriptionRequested(Guid SubscriptionId, Sealed Email, string[] Themes, DateTimeOffset? RequestedAt = null,
    string[]? Chapters = null, bool? MajorOnly = null, SubscriptionFrequency? Frequency = null) : IDescribedEvent
{
    public string Describe() => "Aanmelding voor updates aangevraagd";
}

public sealed record SubscriptionConfirmed(Guid SubscriptionId, string[] Themes, DateTimeOffset? ConfirmedAt = null,
    string[]? Chapters = null, bool? MajorOnly = null, SubscriptionFrequency? Frequency = null) : IDescribedEvent
{
    public string Describe() => $"Aanmelding voor updates bevestigd ({SubscriptionChoices.Of(this).Describe()})";
}

/// <summary>
/// Unsubscribed. Since docs/adr/0102 the address goes with it: the subscription's key is deleted, and only
/// <see cref="AddressHash"/> remains, a keyed hash of the address that is the record of "do not mail" (null in events
/// from before, whose address stayed until erasure).
/// </summary>
public sealed record SubscriptionCancelled(Guid SubscriptionId, string? AddressHash = null) : IDescribedEvent
{
    public string Describe() => AddressHash is null ? "Afgemeld voor updates" : "Afgemeld voor updates; het adres is vergeten";
}

public sealed record SubscriptionErased(Guid SubscriptionId) : IDescribedEvent
{
    public string Describe() => "Aanmelding gewist (AVG)";
}

/// <summary>How often a subscriber hears from us; stable Dutch strings (docs/adr/0096).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SubscriptionFrequency>))]
public enum SubscriptionFrequency
{
    [JsonStringEnumMemberName("elke-update"), Display(Name = "bij elke update")] EachUpdate,
    [JsonStringEnumMemberName("wekelijks"), Display(Name = "wekelijks overzicht")] Weekly,
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
