namespace Wijkengids.Community.Accounts;

/// <summary>
/// The current state of an account: the inline projection of its stream (<see cref="AccountViewProjection"/>), so it can be
/// rebuilt from the events at any time. Holds the credential (password hash) and the clear e-mail address for sign-in,
/// revealed from the sealed values; erasure masks them.
/// </summary>
public sealed class AccountView
{
    /// <summary>The name an erased account shows.</summary>
    public const string ErasedName = "Gewiste gebruiker";

    /// <summary>The address an erased account keeps: unique, and no mailbox has it.</summary>
    public static string ErasedAddress(Guid id) => $"gewist-{id:N}@gewist.invalid";

    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public bool Active { get; set; } = true;
    /// <summary>The person's data was erased (AVG): name and address are masked, the account cannot be used.</summary>
    public bool Erased { get; set; }
    /// <summary>Registered by the person themselves and the address not confirmed yet: cannot sign in.</summary>
    public bool PendingConfirmation { get; set; }
    public string PasswordHash { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }
    /// <summary>Raised when every session ends (AccountSessionsRevoked); a cookie of an earlier generation no longer works.</summary>
    public int SessionGeneration { get; set; }
    /// <summary>Sessions ended one by one (AccountSignedOut), kept while a cookie of them could still be unexpired.</summary>
    public List<EndedSession> EndedSessions { get; set; } = [];
    /// <summary>The version of the account's event stream; the expected version for the next change.</summary>
    public long Version { get; set; }
}

public sealed record EndedSession(Guid Id, DateTimeOffset At);

public sealed record AccountSummary(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool Active,
    DateTimeOffset OpenedAt, long Version)
{
    public static AccountSummary From(AccountView v) => new(v.Id, v.Email, v.DisplayName, v.Roles, v.Active, v.OpenedAt, v.Version);
}
