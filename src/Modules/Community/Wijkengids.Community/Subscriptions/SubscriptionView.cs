namespace Wijkengids.Community.Subscriptions;

/// <summary>
/// The subscription as the mailer needs it: the clear address (masked on erasure), themes and status. The inline projection
/// of its stream (<see cref="SubscriptionViewProjection"/>), never written by a handler.
/// </summary>
public sealed class SubscriptionView
{
    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    public List<string> Themes { get; set; } = [];
    public SubscriptionStatus Status { get; set; } = SubscriptionStatus.Requested;
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public long Version { get; set; }

    /// <summary>The address an erased subscription keeps: unique, and no mailbox has it.</summary>
    public static string ErasedAddress(Guid id) => $"gewist-{id:N}@gewist.invalid";
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
