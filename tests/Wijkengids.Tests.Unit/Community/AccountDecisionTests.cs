using Wijkengids.Community.Accounts;
using Wijkengids.SharedKernel;

namespace Wijkengids.Tests.Unit.Community;

/// <summary>The account aggregate decides roles, activity, passwords, sessions and erasure from its events alone.</summary>
public sealed class AccountDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static Sealed S(Guid id) => new(id, "x");

    private static Account Opened(params string[] roles)
    {
        var id = Guid.NewGuid();
        var events = Account.Open(id, S(id), S(id), roles, S(id), Now);
        return Account.Create(Assert.IsType<AccountOpened>(events[0])).Applied(events[1..]);
    }

    [Fact]
    public void Opening_records_the_roles_once_in_order_the_moment_and_the_sealed_password_hash()
    {
        var id = Guid.NewGuid();
        var events = Account.Open(id, S(id), S(id), ["organiser", "editor", "editor"], S(id), Now);
        var opened = Assert.IsType<AccountOpened>(events[0]);
        Assert.Equal(["editor", "organiser"], opened.Roles);
        Assert.Equal(Now, opened.OpenedAt);
        Assert.NotNull(Assert.IsType<AccountPasswordSet>(events[1]).PasswordHash);
        var account = Account.Create(opened);
        Assert.True(account.Active);
        Assert.False(account.PendingConfirmation);
    }

    [Fact]
    public void A_registered_account_waits_for_its_address_and_a_confirmation_or_a_reset_ends_the_wait()
    {
        var id = Guid.NewGuid();
        var events = Account.Register(id, S(id), S(id), S(id), Now);
        var registered = Assert.IsType<AccountRegistered>(events[0]);
        Assert.Equal([Roles.Contributor], registered.Roles);
        var account = Account.Create(registered);
        Assert.True(account.PendingConfirmation);
        var confirmed = Assert.IsType<AccountEmailConfirmed>(account.ConfirmEmail());
        account.Applied(confirmed);
        Assert.False(account.PendingConfirmation);
        Assert.Null(account.ConfirmEmail());

        var other = Account.Create(registered);
        other.Applied(other.ResetPassword(S(id)));
        Assert.False(other.PendingConfirmation);
    }

    [Fact]
    public void Assigning_roles_grants_what_is_missing_and_revokes_the_rest_and_nothing_when_they_are_the_same()
    {
        var account = Opened("contributor", "editor");
        var changes = account.AssignRoles(["contributor", "organiser"], bySelf: false);
        Assert.Equal([new AccountRoleGranted(account.Id, "organiser"), new AccountRoleRevoked(account.Id, "editor")], changes);
        account.Applied(changes);
        Assert.Equal(["contributor", "organiser"], account.Roles);
        Assert.Empty(account.AssignRoles(["organiser", "contributor", "organiser"], bySelf: false));
    }

    [Fact]
    public void An_admin_cannot_change_their_own_roles_nor_deactivate_themselves()
    {
        var admin = Opened("admin");
        Assert.Throws<RuleViolationException>(() => admin.AssignRoles(["editor"], bySelf: true));
        // Separation of duties: not even adding a power to their own account.
        Assert.Contains("eigen rollen", Assert.Throws<RuleViolationException>(() => admin.AssignRoles(["admin", "auditor"], bySelf: true)).Message);
        Assert.Empty(admin.AssignRoles(["admin"], bySelf: true));
        Assert.NotEmpty(admin.AssignRoles(["editor"], bySelf: false));
        Assert.Throws<RuleViolationException>(() => admin.SetActive(false, bySelf: true));
    }

    [Fact]
    public void Deactivating_and_activating_change_only_what_differs()
    {
        var account = Opened("editor");
        Assert.Null(account.SetActive(true, bySelf: false));
        var deactivated = Assert.IsType<AccountDeactivated>(account.SetActive(false, bySelf: false));
        account.Applied(deactivated);
        Assert.False(account.Active);
        Assert.Null(account.Disable("reden"));
        account.Applied(Assert.IsType<AccountReactivated>(account.SetActive(true, bySelf: false)));
        Assert.Equal(new AccountDisabled(account.Id, "reden"), account.Disable("reden"));
    }

    [Fact]
    public void A_new_password_carries_its_sealed_hash_and_ends_every_session()
    {
        var account = Opened("editor");
        var hash = S(account.Id);
        Assert.Equal([new AccountPasswordSet(account.Id, hash), new AccountSessionsRevoked(account.Id)], account.ChangePassword(hash));
        Assert.Equal([new AccountPasswordReset(account.Id, hash), new AccountSessionsRevoked(account.Id)], account.ResetPassword(hash));
    }

    [Fact]
    public void A_session_signs_out_once_and_ending_every_session_forgets_the_single_ones()
    {
        var account = Opened("editor");
        var session = Guid.NewGuid();
        var signedOut = Assert.IsType<AccountSignedOut>(account.SignOut(session, Now));
        Assert.Equal(Now, signedOut.SignedOutAt);
        account.Applied(signedOut);
        Assert.Null(account.SignOut(session, Now));
        account.Applied(account.EndAllSessions());
        Assert.NotNull(account.SignOut(session, Now));
    }

    [Fact]
    public void Resetting_to_admin_grants_the_role_reactivates_replaces_the_password_and_ends_the_sessions()
    {
        var account = Opened("editor");
        account.Applied(account.SetActive(false, bySelf: false));
        var hash = S(account.Id);
        Assert.Equal(
            [new AccountRoleGranted(account.Id, Roles.Admin), new AccountReactivated(account.Id), new AccountPasswordSet(account.Id, hash),
                new AccountSessionsRevoked(account.Id)],
            account.ResetToAdmin(hash));
        var admin = Opened("admin");
        Assert.Equal([new AccountPasswordSet(admin.Id, hash), new AccountSessionsRevoked(admin.Id)], admin.ResetToAdmin(hash));
    }

    [Fact]
    public void An_erased_account_is_erased_once_and_can_no_longer_be_renamed_given_a_password_or_made_admin()
    {
        var account = Opened("editor");
        account.Applied(Assert.IsType<AccountErased>(account.Erase()));
        Assert.True(account.Erased);
        Assert.False(account.Active);
        Assert.Empty(account.Roles);
        Assert.Null(account.Erase());
        Assert.Null(account.SignOut(Guid.NewGuid(), Now));
        Assert.Throws<NotFoundException>(() => account.Rename(S(account.Id)));
        Assert.Throws<NotFoundException>(() => account.ChangePassword(S(account.Id)));
        Assert.Throws<NotFoundException>(() => account.EndAllSessions());
        Assert.Throws<RuleViolationException>(() => account.ResetToAdmin(S(account.Id)));
    }
}
