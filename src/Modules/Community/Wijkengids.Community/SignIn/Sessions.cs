using System.Globalization;
using System.Security.Claims;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Shared;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.SignIn;

/// <summary>The signed-in person signs out: this one session ends, wherever its cookie was copied to.</summary>
public sealed record EndSession(Guid AccountId, Guid SessionId) : IRequest<Unit>;

/// <summary>Every session of the account ends ("overal uitloggen"), this one included.</summary>
public sealed record EndAllSessions(Guid AccountId) : IRequest<Unit>;

/// <summary>A new session for an account that may sign in (after its own password change); null otherwise.</summary>
public sealed record StartNewSession(Guid AccountId) : IRequest<ClaimsPrincipal?>;

/// <summary>
/// Sign-in sessions (docs/adr/0076). Each sign-in carries a session id and the account's session generation in its
/// cookie. A logout records <see cref="AccountSignedOut"/> (the id is remembered as ended); "overal uitloggen", a new
/// password and a password reset record <see cref="AccountSessionsRevoked"/> (the generation goes up). The principal
/// validation refuses a cookie whose session ended, on the account view it loads on every request anyway.
/// </summary>
internal static class SignInSessions
{
    public const string SessionClaim = "wijkengids:session";
    public const string GenerationClaim = "wijkengids:session-generation";

    /// <summary>
    /// How long an ended session is remembered: longer than any cookie of it can stay unexpired (the host's sliding
    /// 8 hours; an ended session's cookie is no longer renewed).
    /// </summary>
    public static readonly TimeSpan EndedSessionsKept = TimeSpan.FromDays(2);

    public static Guid? SessionOf(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(SessionClaim), out var id) ? id : null;

    /// <summary>The cookie's session is still open: of the current generation and not signed out.</summary>
    public static bool IsOpen(AccountView account, ClaimsPrincipal user) =>
        SessionOf(user) is { } session &&
        user.FindFirstValue(GenerationClaim) == account.SessionGeneration.ToString(CultureInfo.InvariantCulture) &&
        account.EndedSessions.TrueForAll(s => s.Id != session);

    public static void AddClaims(List<Claim> claims, AccountView account, Guid session)
    {
        claims.Add(new Claim(SessionClaim, session.ToString()));
        claims.Add(new Claim(GenerationClaim, account.SessionGeneration.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Ends every session on the view and returns the event that says so.</summary>
    public static AccountSessionsRevoked RevokeAll(AccountView account)
    {
        account.SessionGeneration++;
        account.EndedSessions.Clear();
        return new AccountSessionsRevoked(account.Id);
    }

    /// <summary>Logout: ends the session of the request (if signed in) and clears the cookie.</summary>
    public static async Task SignOutAsync(HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var account) && SessionOf(http.User) is { } session)
        {
            await mediator.Send(new EndSession(account, session), cancellationToken);
        }
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>"Overal uitloggen": ends every session of the signed-in account and clears this cookie.</summary>
    public static async Task SignOutEverywhereAsync(HttpContext http, IMediator mediator, Guid account, CancellationToken cancellationToken)
    {
        await mediator.Send(new EndAllSessions(account), cancellationToken);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>After one's own password change every session ended; the person who changed it gets a new one here.</summary>
    public static async Task RenewAsync(HttpContext http, IMediator mediator, Guid account, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new StartNewSession(account), cancellationToken) is { } principal)
        {
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        }
    }
}

internal sealed class SessionsHandler(IDocumentSession session, IRequestContext context, TimeProvider clock)
    : IRequestHandler<EndSession, Unit>, IRequestHandler<EndAllSessions, Unit>, IRequestHandler<StartNewSession, ClaimsPrincipal?>
{
    public async Task<Unit> Handle(EndSession request, CancellationToken cancellationToken)
    {
        var account = await session.LoadAsync<AccountView>(request.AccountId, cancellationToken);
        if (account is null || account.Erased || account.EndedSessions.Exists(s => s.Id == request.SessionId)) return Unit.Value;
        var now = clock.GetUtcNow();
        account.EndedSessions.RemoveAll(s => s.At < now - SignInSessions.EndedSessionsKept);
        account.EndedSessions.Add(new EndedSession(request.SessionId, now));
        session.AppendWithView(context, null, account, [new AccountSignedOut(account.Id, request.SessionId)]);
        await session.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(EndAllSessions request, CancellationToken cancellationToken)
    {
        var account = await session.LoadAsync<AccountView>(request.AccountId, cancellationToken);
        if (account is null || account.Erased) throw new NotFoundException("Dit account bestaat niet (meer).");
        session.AppendWithView(context, null, account, [SignInSessions.RevokeAll(account)]);
        await session.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<ClaimsPrincipal?> Handle(StartNewSession request, CancellationToken cancellationToken)
    {
        var account = await session.LoadAsync<AccountView>(request.AccountId, cancellationToken);
        return account is { Active: true, Erased: false, PendingConfirmation: false } ? CheckCredentialsHandler.PrincipalOf(account, Guid.NewGuid()) : null;
    }
}
