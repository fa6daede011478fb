using Wijkengids.Community.Contracts;

namespace Wijkengids.Community.Accounts;

/// <summary>Addresses on the development domain: they sign in only in Development (docs/adr/0079).</summary>
internal static class DevelopmentAddresses
{
    public static bool IsDevelopmentAddress(string? email) =>
        email is not null && email.Trim().EndsWith("@" + DevAccounts.Domain, StringComparison.OrdinalIgnoreCase);
}
