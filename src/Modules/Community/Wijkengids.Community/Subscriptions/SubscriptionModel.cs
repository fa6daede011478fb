using Wijkengids.Community.Shared;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Subscriptions;

// Events of a subscription's stream (one stream per e-mail address). The address is sealed with the subscription's
// own key, so erasing the subscriber makes it unreadable in the history too.

public sealed record SubscriptionRequested(Guid SubscriptionId, Sealed Email, string[] Themes) : IDescribedEvent
{
    public string Describe() => "Aanmelding voor updates aangevraagd";
}

public sealed record SubscriptionConfirmed(Guid SubscriptionId, string[] Themes) : IDescribedEvent
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

public static class SubscriptionStatus
{
    public const string Requested = "aangevraagd";
    public const string Confirmed = "bevestigd";
    public const string Cancelled = "afgemeld";
    public const string Erased = "gewist";
}

/// <summary>The subscription as the mailer needs it: the clear address (masked on erasure), themes and status.</summary>
public sealed class SubscriptionView : IStreamView
{
    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    public List<string> Themes { get; set; } = [];
    public string Status { get; set; } = SubscriptionStatus.Requested;
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public long Version { get; set; }
}

internal static class ThemeFilter
{
    public static string[] Normalize(IEnumerable<string>? themes) =>
        (themes ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Select(t => t.ToLowerInvariant()).Where(t => t.Length > 0).Distinct().Order().ToArray();

    /// <summary>Does an item with <paramref name="itemThemes"/> interest a subscriber of <paramref name="subscribed"/> (none: everything)?</summary>
    public static bool Interests(IReadOnlyCollection<string> subscribed, IEnumerable<string> itemThemes) =>
        subscribed.Count == 0 || itemThemes.Any(t => subscribed.Contains(t.Trim().ToLowerInvariant()));
}
