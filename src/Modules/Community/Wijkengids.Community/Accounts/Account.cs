namespace Wijkengids.Community.Accounts;

/// <summary>
/// An account's write model: rebuilt from its stream (<c>Create</c>/<c>Apply</c>), it decides each change and answers with
/// the events to append, or nothing when the change changes nothing. It holds no personal data and no secret: the address,
/// the name and the password hash stay sealed in the events; the read model (<see cref="AccountView"/>) reveals them.
/// </summary>
public sealed class Account
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public List<string> Roles { get; set; } = [];
    public bool Active { get; set; }
    public bool Erased { get; set; }
    public bool PendingConfirmation { get; set; }
    /// <summary>Sessions signed out one by one since every session last ended.</summary>
    public List<Guid> EndedSessions { get; set; } = [];

    /// <summary>An admin opens an account: the roles given (each once, in order), and the password's hash.</summary>
    public static object[] Open(Guid id, Sealed email, Sealed displayName, IEnumerable<string> roles, Sealed passwordHash, DateTimeOffset now) =>
        [new AccountOpened(id, email, displayName, NormalizeRoles(roles), now), new AccountPasswordSet(id, passwordHash)];

    /// <summary>Someone registers as contributor: the account waits for the address to be confirmed.</summary>
    public static object[] Register(Guid id, Sealed email, Sealed displayName, Sealed passwordHash, DateTimeOffset now) =>
        [new AccountRegistered(id, email, displayName, [SharedKernel.Roles.Contributor], now), new AccountPasswordSet(id, passwordHash)];

    public static string[] NormalizeRoles(IEnumerable<string> roles) => roles.Distinct().Order().ToArray();

    public static Account Create(AccountOpened e) => new() { Id = e.AccountId, Roles = [.. e.Roles], Active = true };

    public static Account Create(AccountRegistered e) => new() { Id = e.AccountId, Roles = [.. e.Roles], Active = true, PendingConfirmation = true };

    public void Apply(AccountPasswordSet _) { }
    public void Apply(AccountPasswordRecorded _) { }
    public void Apply(AccountPasswordReset _) => PendingConfirmation = false;
    public void Apply(AccountRoleGranted e) => Roles = [.. Roles.Append(e.Role).Distinct().Order()];
    public void Apply(AccountRoleRevoked e) => Roles.Remove(e.Role);
    public void Apply(AccountDeactivated _) => Active = false;
    public void Apply(AccountDisabled _) => Active = false;
    public void Apply(AccountReactivated _) => Active = true;
    public void Apply(AccountEmailConfirmed _) => PendingConfirmation = false;
    public void Apply(AccountRenamed _) { }
    public void Apply(AccountSignedOut e) => EndedSessions.Add(e.SessionId);
    public void Apply(AccountSessionsRevoked _) => EndedSessions.Clear();

    public void Apply(AccountErased _)
    {
        Erased = true;
        Active = false;
        Roles = [];
    }

    /// <summary>
    /// The account holds exactly <paramref name="wanted"/> afterwards: the roles it lacks are granted, the others revoked.
    /// Separation of duties: nobody changes their own roles (<paramref name="bySelf"/>), so an admin cannot give
    /// themselves editor, auditor or funder powers; another admin has to.
    /// </summary>
    public IReadOnlyList<object> AssignRoles(IEnumerable<string> wanted, bool bySelf)
    {
        var target = wanted.Distinct().ToHashSet();
        var events = new List<object>();
        events.AddRange(target.Except(Roles).Order().Select(r => new AccountRoleGranted(Id, r)));
        events.AddRange(Roles.Except(target).Order().Select(r => new AccountRoleRevoked(Id, r)));
        if (bySelf && events.Count > 0)
        {
            throw new RuleViolationException("U kunt uw eigen rollen niet wijzigen. Vraag een andere beheerder om dat te doen.");
        }
        return events;
    }

    /// <summary>An admin deactivates (it can no longer sign in) or activates the account; not their own deactivation.</summary>
    public object? SetActive(bool active, bool bySelf)
    {
        if (Active == active) return null;
        if (!active && bySelf) throw new RuleViolationException("U kunt uw eigen account niet deactiveren.");
        return active ? new AccountReactivated(Id) : new AccountDeactivated(Id);
    }

    /// <summary>The platform switches the account off (a development account outside Development, docs/adr/0079).</summary>
    public AccountDisabled? Disable(string reason) => Active ? new AccountDisabled(Id, reason) : null;

    public AccountEmailConfirmed? ConfirmEmail() => PendingConfirmation ? new AccountEmailConfirmed(Id) : null;

    public AccountRenamed Rename(Sealed displayName)
    {
        EnsureNotErased();
        return new AccountRenamed(Id, displayName);
    }

    /// <summary>The person chose a new password themselves: every session ends (docs/adr/0076); the one who changed it gets a new one.</summary>
    public IReadOnlyList<object> ChangePassword(Sealed passwordHash)
    {
        EnsureNotErased();
        return [new AccountPasswordSet(Id, passwordHash), new AccountSessionsRevoked(Id)];
    }

    /// <summary>A new password with a mailed link: the address is proven, and whoever knew the old password is signed out everywhere.</summary>
    public IReadOnlyList<object> ResetPassword(Sealed passwordHash)
    {
        EnsureNotErased();
        return [new AccountPasswordReset(Id, passwordHash), new AccountSessionsRevoked(Id)];
    }

    /// <summary>
    /// `admin create --reset` (docs/adr/0080): the account becomes admin and active again; the old password (with every link
    /// issued for it) and every session stop working, <paramref name="unknownPasswordHash"/> takes its place until the link is used.
    /// </summary>
    public IReadOnlyList<object> ResetToAdmin(Sealed unknownPasswordHash)
    {
        if (Erased) throw new RuleViolationException("De gegevens van dit account zijn gewist (AVG). Maak een beheerder met een ander adres.");
        var events = new List<object>();
        if (!Roles.Contains(SharedKernel.Roles.Admin)) events.Add(new AccountRoleGranted(Id, SharedKernel.Roles.Admin));
        if (!Active) events.Add(new AccountReactivated(Id));
        events.Add(new AccountPasswordSet(Id, unknownPasswordHash));
        events.Add(new AccountSessionsRevoked(Id));
        return events;
    }

    /// <summary>Logout: this one session ends (once).</summary>
    public AccountSignedOut? SignOut(Guid session, DateTimeOffset now) =>
        Erased || EndedSessions.Contains(session) ? null : new AccountSignedOut(Id, session, now);

    /// <summary>"Overal uitloggen": every session ends.</summary>
    public AccountSessionsRevoked EndAllSessions()
    {
        EnsureNotErased();
        return new AccountSessionsRevoked(Id);
    }

    /// <summary>The person's data is erased (AVG): recorded once.</summary>
    public AccountErased? Erase() => Erased ? null : new AccountErased(Id);

    private void EnsureNotErased()
    {
        if (Erased) throw new NotFoundException(AccountSteps.Gone);
    }
}
