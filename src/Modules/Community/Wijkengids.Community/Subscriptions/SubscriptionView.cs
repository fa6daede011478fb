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
    /// <summary>Chapter numbers; with no themes either, the whole guide.</summary>
    public List<string> Chapters { get; set; } = [];
    public bool MajorOnly { get; set; }
    public SubscriptionFrequency Frequency { get; set; } = SubscriptionFrequency.EachUpdate;
    public SubscriptionStatus Status { get; set; } = SubscriptionStatus.Requested;
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public long Version { get; set; }
    /// <summary>After unsubscribing, a keyed hash of the forgotten address: the record of "do not mail" (docs/adr/0102).</summary>
    public string? AddressHash { get; set; }

    /// <summary>The address an erased subscription keeps: unique, and no mailbox has it.</summary>
    public static string ErasedAddress(Guid id) => $"gewist-{id:N}@gewist.invalid";

    /// <summary>The keyed hash of an address (HMAC with the master key): equal for the same address, useless without the key.</summary>
    public static string HashOf(MasterKey masterKey, string email) =>
        Convert.ToBase64String(masterKey.Mac("unsubscribed-address", System.Text.Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
}

internal static class ThemeFilter
{
    public static string[] Normalize(IEnumerable<string>? themes) =>
        (themes ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Select(t => t.ToLowerInvariant()).Where(t => t.Length > 0).Distinct().Order().ToArray();
}
