using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Wijkengids.Community.Shared;

/// <summary>
/// Signed links (confirm a subscription, confirm an e-mail address, reset a password): ASP.NET Core Data Protection's
/// time-limited protector signs and encrypts the payload with its expiry; the expiry is also checked against our clock.
/// A token carries a random nonce; <see cref="ConsumeAsync"/> records it as used, so each link works once.
/// Keys live in PostgreSQL (schema platform), so links work on every host and after restarts.
/// </summary>
public sealed class SignedTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public string Issue(string purpose, string payload, TimeSpan? lifetime)
    {
        var now = clock.GetUtcNow();
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = lifetime is { } l ? now + l : DateTimeOffset.MaxValue;
        var plain = $"{nonce}|{expires.ToUnixTimeSeconds()}|{payload}";
        var protector = protection.CreateProtector("Wijkengids.Community.Tokens", purpose).ToTimeLimitedDataProtector();
        return lifetime is null ? protector.Protect(plain) : protector.Protect(plain, expires);
    }

    /// <summary>The token's nonce and payload, or null when it is forged, damaged, for another purpose or expired.</summary>
    public (string Nonce, string Payload)? Read(string purpose, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000) return null;
        try
        {
            var protector = protection.CreateProtector("Wijkengids.Community.Tokens", purpose).ToTimeLimitedDataProtector();
            var parts = protector.Unprotect(token).Split('|', 3);
            if (parts.Length != 3 || !long.TryParse(parts[1], out var expires)) return null;
            if (DateTimeOffset.FromUnixTimeSeconds(expires) < clock.GetUtcNow()) return null;
            return (parts[0], parts[2]);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Marks the token's nonce as used in this session's transaction; a second use is a 409. A used link is an operational
    /// record (replay protection), not a fact of the history: it stays a document (docs/adr/0092). Two uses at the same moment
    /// collide on its id when the unit of work saves; commands that consume a link turn that into the same 409
    /// (<see cref="IAnswersLostRace{TResponse}"/>).
    /// </summary>
    internal static async Task ConsumeAsync(IDocumentSession session, string purpose, string nonce, TimeProvider clock, CancellationToken cancellationToken)
    {
        var id = $"{purpose}:{nonce}";
        if (await session.LoadAsync<UsedToken>(id, cancellationToken) is not null) throw new ConflictException(UsedMessage);
        session.Insert(new UsedToken { Id = id, UsedAt = clock.GetUtcNow() });
    }

    public const string UsedMessage = "Deze link is al gebruikt. Elke link werkt maar één keer.";
    public const string InvalidMessage = "Deze link is verlopen of ongeldig. Vraag een nieuwe aan.";
}

/// <summary>A link that has been used (by purpose and nonce); it cannot be used again.</summary>
public sealed class UsedToken
{
    public string Id { get; set; } = "";
    public DateTimeOffset UsedAt { get; set; }
}
