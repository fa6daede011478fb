namespace Wijkengids.Community.Contracts;

/// <summary>Published when an account is opened. Other modules learn the display name of an actor from it.</summary>
public sealed record AccountOpened(Guid AccountId, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset OpenedAt);

/// <summary>The development accounts, one per role (seeded in Development only, never in Production).</summary>
public static class DevAccounts
{
    public const string Password = "Wijkengids-dev-2026!";

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
