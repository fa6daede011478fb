using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Accounts;

// Events of an account's stream: the truth from which the Account aggregate and the AccountView read model are rebuilt
// (docs/adr/0089). Personal data (e-mail, name) is sealed with the person's key (docs/adr/0007). The password hash is
// state of the account, so it is in the events too, sealed with the same key: never in clear text in the history or an
// export, and unreadable once the person is erased. Fields added later are nullable: events stored before them load with
// null, and the projection falls back to what was recorded then (the event's moment; the hash that the upgrade recorded,
// AccountPasswordRecorded).

/// <summary>An admin (or the operator's `admin create`) opened the account; <see cref="OpenedAt"/> is missing in events from before it was recorded.</summary>
public sealed record AccountOpened(Guid AccountId, Sealed Email, Sealed DisplayName, string[] Roles, DateTimeOffset? OpenedAt = null) : IDescribedEvent
{
    public string Describe() => "Account aangemaakt";
}

/// <summary>A new password: its hash, sealed (events stored before the hash was part of the data have none).</summary>
public sealed record AccountPasswordSet(Guid AccountId, Sealed? PasswordHash = null) : IDescribedEvent
{
    public string Describe() => "Wachtwoord ingesteld";
}

/// <summary>
/// Upgrade: the password hash of an account whose password events were stored without it, recorded once from the read
/// model of the time (by the system, reason "upgrade"), so a rebuild from the events signs in as before.
/// </summary>
public sealed record AccountPasswordRecorded(Guid AccountId, Sealed PasswordHash) : IDescribedEvent
{
    public string Describe() => "Wachtwoord (versleuteld) vastgelegd bij de upgrade";
}

public sealed record AccountRoleGranted(Guid AccountId, string Role) : IDescribedEvent
{
    public string Describe() => $"Rol {Roles.DutchName(Role)} toegekend";
}

public sealed record AccountRoleRevoked(Guid AccountId, string Role) : IDescribedEvent
{
    public string Describe() => $"Rol {Roles.DutchName(Role)} ingetrokken";
}

public sealed record AccountDeactivated(Guid AccountId) : IDescribedEvent
{
    public string Describe() => "Account gedeactiveerd";
}

public sealed record AccountReactivated(Guid AccountId) : IDescribedEvent
{
    public string Describe() => "Account opnieuw geactiveerd";
}

public sealed record AccountErased(Guid AccountId) : IDescribedEvent
{
    public string Describe() => "Persoonsgegevens gewist (AVG)";
}

public sealed record AccountRegistered(Guid AccountId, Sealed Email, Sealed DisplayName, string[] Roles, DateTimeOffset? RegisteredAt = null)
    : IDescribedEvent
{
    public string Describe() => "Account aangevraagd (zelfregistratie)";
}

public sealed record AccountEmailConfirmed(Guid AccountId) : IDescribedEvent
{
    public string Describe() => "E-mailadres van account bevestigd";
}

/// <summary>A new password chosen with a mailed link (which proves the address too); its hash, sealed (none in older events).</summary>
public sealed record AccountPasswordReset(Guid AccountId, Sealed? PasswordHash = null) : IDescribedEvent
{
    public string Describe() => "Wachtwoord hersteld via e-maillink";
}

public sealed record AccountRenamed(Guid AccountId, Sealed DisplayName) : IDescribedEvent
{
    public string Describe() => "Naam van account gewijzigd";
}

/// <summary>The platform itself switched the account off (e.g. a development account outside Development, docs/adr/0079).</summary>
public sealed record AccountDisabled(Guid AccountId, string Reason) : IDescribedEvent
{
    public string Describe() => $"Account uitgeschakeld: {Reason}";
}

/// <summary>One sign-in session ended (logout); its cookie no longer works anywhere (docs/adr/0076).</summary>
public sealed record AccountSignedOut(Guid AccountId, Guid SessionId, DateTimeOffset? SignedOutAt = null) : IDescribedEvent
{
    public string Describe() => "Uitgelogd";
}

/// <summary>Every sign-in session of the account ended: "overal uitloggen" or a new password (docs/adr/0076).</summary>
public sealed record AccountSessionsRevoked(Guid AccountId) : IDescribedEvent
{
    public string Describe() => "Overal uitgelogd";
}
