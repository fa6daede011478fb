namespace Wijkengids.Community.Contracts;

/// <summary>Published when an account is opened. Other modules learn the display name of an actor from it.</summary>
public sealed record AccountOpened(Guid AccountId, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset OpenedAt);

/// <summary>
/// The development accounts, one per role (seeded in Development only). Outside Development no account on the
/// development domain and no account with the development password may sign in (docs/adr/0079).
/// </summary>
public static class DevAccounts
{
    public const string Password = "Wijkengids-dev-2026!";

    /// <summary>The development domain (.test is reserved, RFC 2606: no real mailbox has it).</summary>
    public const string Domain = "wijkengids.test";

    public static readonly IReadOnlyList<(string Email, string Role, string DisplayName)> All =
    [
        ("editor@wijkengids.test", "editor", "Eva Redacteur"),
        ("contributor@wijkengids.test", "contributor", "Bram Bijdrager"),
        ("organiser@wijkengids.test", "organiser", "Olga Organisator"),
        ("funder@wijkengids.test", "funder", "Frank Financier"),
        ("auditor@wijkengids.test", "auditor", "Anna Auditor"),
        ("admin@wijkengids.test", "admin", "Bas Beheerder"),
    ];
}
