using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Accounts;

// Events of an account's stream. Personal data (e-mail, name) is sealed with the person's key
// (docs/adr/0007); the password hash is a secret, not history, and lives only in AccountView.

public sealed record AccountOpened(Guid AccountId, Sealed Email, Sealed DisplayName, string[] Roles) : IDescribedEvent
{
    public string Describe() => "Account aangemaakt";
}

public sealed record AccountPasswordSet(Guid AccountId) : IDescribedEvent
{
    public string Describe() => "Wachtwoord ingesteld";
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

public sealed record AccountRegistered(Guid AccountId, Sealed Email, Sealed DisplayName, string[] Roles) : IDescribedEvent
{
    public string Describe() => "Account aangevraagd (zelfregistratie)";
}

public sealed record AccountEmailConfirmed(Guid AccountId) : IDescribedEvent
{
    public string Describe() => "E-mailadres van account bevestigd";
}

public sealed record AccountPasswordReset(Guid AccountId) : IDescribedEvent
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
public sealed record AccountSignedOut(Guid AccountId, Guid SessionId) : IDescribedEvent
{
    public string Describe() => "Uitgelogd";
}

/// <summary>Every sign-in session of the account ended: "overal uitloggen" or a new password (docs/adr/0076).</summary>
public sealed record AccountSessionsRevoked(Guid AccountId) : IDescribedEvent
{
    public string Describe() => "Overal uitgelogd";
}
