using System.Security.Cryptography;
using System.Text;

namespace Wijkengids.Workshops.Bookings;

/// <summary>
/// The requester's private link: a random token, the only key to the status page and the plan. The token is sealed in
/// the booking's events (personal data: it opens the contact's details); its SHA-256 hash is kept in clear so that a
/// link finds its booking, also after the contact was erased.
/// </summary>
public static class BookingLinks
{
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string StatusUrl(string? token) => $"/werkateliers/aanvraag/{token}";

    /// <summary>A token as a link may carry it: short enough to be one of ours.</summary>
    public static bool Plausible(string? token) => token is { Length: > 0 and <= 64 };
}
