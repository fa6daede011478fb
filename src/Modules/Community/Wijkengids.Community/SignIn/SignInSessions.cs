using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Wijkengids.Community.Accounts;

namespace Wijkengids.Community.SignIn;

/// <summary>
/// Sign-in sessions (docs/adr/0076). Each sign-in carries a session id and the account's session generation in its
/// cookie. A logout records <see cref="AccountSignedOut"/> (the id is remembered as ended); "overal uitloggen", a new
/// password and a password reset record <see cref="AccountSessionsRevoked"/> (the generation goes up). Ending a session
/// is a fact of the account's history, so it is an event; the principal validation refuses a cookie whose session ended,
/// on the account view it loads on every request anyway. Signing in itself writes nothing.
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
