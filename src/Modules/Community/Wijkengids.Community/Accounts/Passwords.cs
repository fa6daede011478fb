using Microsoft.AspNetCore.Identity;

namespace Wijkengids.Community.Accounts;

/// <summary>
/// Hashing and checking of account passwords, and the rules a new password must meet (docs/adr/0077).
/// A check for an address without an account verifies against a dummy hash of the same cost, so sign-in takes
/// the same time whether the address is known or not.
/// </summary>
internal static class Passwords
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 200;
    public const string SiteName = "wijkengids";

    public const string TooCommon = "Dit wachtwoord is te bekend: het staat (bijna) zo op een lijst van veelgebruikte wachtwoorden. " +
                                    "Kies een langer of minder voorspelbaar wachtwoord, bijvoorbeeld een paar losse woorden.";

    public const string MadeOfAddressOrSite = "Het wachtwoord mag niet (vooral) bestaan uit uw e-mailadres of de naam van de site. Kies iets anders.";

    private static readonly PasswordHasher<AccountView> Hasher = new();

    /// <summary>A hash of a random password, made like every real one (same algorithm and iteration count).</summary>
    internal static readonly string DummyHash = Hasher.HashPassword(new AccountView(), Guid.NewGuid().ToString());

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public static string Hash(AccountView account, string password) => Hasher.HashPassword(account, password);

    /// <summary>Whether the password is the account's; without an account, the same work against <see cref="DummyHash"/>, and false.</summary>
    public static bool Verify(AccountView? account, string password)
    {
        var verified = Hasher.VerifyHashedPassword(account ?? new AccountView(), account?.PasswordHash ?? DummyHash, password)
                       != PasswordVerificationResult.Failed;
        return account is not null && verified;
    }

    /// <summary>
    /// Why this password may not be chosen (a Dutch message), or null when it may. Refused are: passwords on the common
    /// list, compared case-insensitively, also with leading and trailing digits and symbols removed and with the usual
    /// substitutions undone (0→o, 1→i, 3→e, 4→a, 5→s, 7→t, @→a, $→s); and passwords that, once the site's name, the
    /// address and its part before the @ are taken out, leave fewer than 8 characters or a common password.
    /// The length rules are the validators' (12 to 200 characters).
    /// </summary>
    public static string? Refusal(string? password, string? email = null)
    {
        if (string.IsNullOrEmpty(password)) return null;
        var lower = password.ToLowerInvariant();
        if (IsCommon(lower)) return TooCommon;
        var rest = lower.Replace(SiteName, "", StringComparison.Ordinal);
        var address = email?.Trim().ToLowerInvariant() ?? "";
        if (address.Length > 0) rest = rest.Replace(address, "", StringComparison.Ordinal);
        var local = address.Split('@')[0];
        if (local.Length >= 3) rest = rest.Replace(local, "", StringComparison.Ordinal);
        if (rest == lower) return null;
        return rest.Length < 8 || IsCommon(rest) ? MadeOfAddressOrSite : null;
    }

    private static bool IsCommon(string lower)
    {
        var trimmed = lower.Trim().TrimStart(NotLetters).TrimEnd(NotLetters);
        string[] candidates = [lower, trimmed, Unleet(lower), Unleet(trimmed)];
        return candidates.Any(c => c.Length > 0 && Common.Value.Contains(c));
    }

    private static readonly char[] NotLetters = [.. "0123456789!@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~ "];

    private static string Unleet(string value) => string.Create(value.Length, value, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] switch
            {
                '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '@' => 'a', '$' => 's', _ => source[i],
            };
        }
    });

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(Passwords).Assembly.GetManifestResourceStream("Wijkengids.Community.Accounts.common-passwords.txt")
                           ?? throw new InvalidOperationException("De lijst met veelgebruikte wachtwoorden ontbreekt in de build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) set.Add(line);
        }
        return set;
    }
}
