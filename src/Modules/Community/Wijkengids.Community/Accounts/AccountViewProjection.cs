using JasperFx.Events;
using Marten.Events.Aggregation;
using Wijkengids.Community.SignIn;
using Wijkengids.Platform.PersonalData;

namespace Wijkengids.Community.Accounts;

/// <summary>
/// Builds <see cref="AccountView"/> from an account's events, inline with every change. The address, the name and the
/// password hash are revealed from the sealed values with the vault's keys; once the person is erased they cannot be, and
/// the view shows the erased account (the events stay).
/// </summary>
internal sealed class AccountViewProjection(MasterKey masterKey) : SingleStreamProjection<AccountView, Guid>
{
    public override async ValueTask<AccountView?> EvolveAsync(AccountView? view, Guid id, IQuerySession session, IEvent e,
        CancellationToken cancellation)
    {
        async Task<string?> Reveal(Sealed? value) => await PersonalDataVault.RevealInProjectionAsync(session, masterKey, value, cancellation);
        switch (e.Data)
        {
            case AccountOpened opened:
                view = Opened(id, await Reveal(opened.Email), await Reveal(opened.DisplayName), opened.Roles, opened.OpenedAt ?? e.Timestamp);
                break;
            case AccountRegistered registered:
                view = Opened(id, await Reveal(registered.Email), await Reveal(registered.DisplayName), registered.Roles,
                    registered.RegisteredAt ?? e.Timestamp);
                view.PendingConfirmation = true;
                break;
            case AccountPasswordSet { PasswordHash: { } hash } when view is not null:
                view.PasswordHash = await Reveal(hash) ?? "";
                break;
            case AccountPasswordReset reset when view is not null:
                // Older events kept the hash only in the read model; the upgrade recorded it after them (AccountPasswordRecorded).
                if (reset.PasswordHash is { } resetHash) view.PasswordHash = await Reveal(resetHash) ?? "";
                view.PendingConfirmation = false;
                break;
            case AccountPasswordRecorded recorded when view is not null:
                view.PasswordHash = await Reveal(recorded.PasswordHash) ?? "";
                break;
            case AccountRenamed renamed when view is not null:
                view.DisplayName = await Reveal(renamed.DisplayName) ?? view.DisplayName;
                break;
            default:
                if (view is not null) Change(view, e);
                break;
        }
        if (view is not null) view.Version = e.Version;
        return view;
    }

    private static AccountView Opened(Guid id, string? email, string? name, string[] roles, DateTimeOffset openedAt) => new()
    {
        Id = id,
        // Unreadable only after an erasure (the key is gone): the erased account's placeholders.
        Email = email ?? AccountView.ErasedAddress(id),
        DisplayName = name ?? AccountView.ErasedName,
        Roles = [.. roles],
        OpenedAt = openedAt,
    };

    private static void Change(AccountView view, IEvent e)
    {
        switch (e.Data)
        {
            case AccountRoleGranted granted:
                view.Roles = [.. view.Roles.Append(granted.Role).Distinct().Order()];
                break;
            case AccountRoleRevoked revoked:
                view.Roles.Remove(revoked.Role);
                break;
            case AccountDeactivated or AccountDisabled:
                view.Active = false;
                break;
            case AccountReactivated:
                view.Active = true;
                break;
            case AccountEmailConfirmed:
                view.PendingConfirmation = false;
                break;
            case AccountSignedOut signedOut:
                // Ended sessions are remembered while a cookie of them could still be unexpired (docs/adr/0076).
                var at = signedOut.SignedOutAt ?? e.Timestamp;
                view.EndedSessions.RemoveAll(s => s.At < at - SignInSessions.EndedSessionsKept);
                view.EndedSessions.Add(new EndedSession(signedOut.SessionId, at));
                break;
            case AccountSessionsRevoked:
                view.SessionGeneration++;
                view.EndedSessions.Clear();
                break;
            case AccountErased:
                view.Email = AccountView.ErasedAddress(view.Id);
                view.DisplayName = AccountView.ErasedName;
                view.PasswordHash = "";
                view.Roles = [];
                view.Active = false;
                view.Erased = true;
                break;
        }
    }
}
