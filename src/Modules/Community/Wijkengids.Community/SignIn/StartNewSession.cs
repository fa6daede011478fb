using System.Security.Claims;
using Wijkengids.Community.Accounts;

namespace Wijkengids.Community.SignIn;

/// <summary>A new session for an account that may sign in (after its own password change); null otherwise.</summary>
public sealed record StartNewSession(Guid AccountId) : IRequest<ClaimsPrincipal?>;

internal sealed class StartNewSessionHandler(IQuerySession session) : IRequestHandler<StartNewSession, ClaimsPrincipal?>
{
    public async Task<ClaimsPrincipal?> Handle(StartNewSession request, CancellationToken cancellationToken)
    {
        var account = await session.LoadAsync<AccountView>(request.AccountId, cancellationToken);
        return account is { Active: true, Erased: false, PendingConfirmation: false } ? CheckCredentialsHandler.PrincipalOf(account, Guid.NewGuid()) : null;
    }
}
