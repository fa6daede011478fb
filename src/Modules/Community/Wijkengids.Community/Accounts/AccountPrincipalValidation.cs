using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wijkengids.Community.SignIn;

namespace Wijkengids.Community.Accounts;

/// <summary>
/// On every request with a sign-in cookie: a deactivated or removed account is signed out at once,
/// a session that ended (logout, "overal uitloggen", a new password: docs/adr/0076) no longer counts,
/// and changed roles or name take effect without signing in again.
/// </summary>
internal sealed class AccountPrincipalValidation : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        var previous = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            await previous(context);
            if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id || !Guid.TryParse(id, out var accountId))
            {
                context.RejectPrincipal();
                return;
            }
            var session = context.HttpContext.RequestServices.GetRequiredService<IQuerySession>();
            var account = await session.LoadAsync<AccountView>(accountId, context.HttpContext.RequestAborted);
            if (account is null || !account.Active || !SignInSessions.IsOpen(account, context.Principal))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return;
            }
            var current = CheckCredentialsHandler.PrincipalOf(account, SignInSessions.SessionOf(context.Principal)!.Value);
            var before = context.Principal.Claims.Select(c => c.Type + "=" + c.Value).Order();
            var after = current.Claims.Select(c => c.Type + "=" + c.Value).Order();
            if (!before.SequenceEqual(after))
            {
                context.ReplacePrincipal(current);
                context.ShouldRenew = true;
            }
        };
    }
}
