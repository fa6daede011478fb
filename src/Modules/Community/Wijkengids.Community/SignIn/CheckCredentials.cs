using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Hosting;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Contracts;

namespace Wijkengids.Community.SignIn;

/// <summary>Checks e-mail and password; the result is the principal to sign in, or null.</summary>
public sealed record CheckCredentials(string Email, string Password) : IRequest<ClaimsPrincipal?>;

internal sealed class CheckCredentialsValidator : AbstractValidator<CheckCredentials>
{
    public CheckCredentialsValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Vul uw e-mailadres in.").MaximumLength(254).WithMessage("Het e-mailadres is te lang.");
        RuleFor(x => x.Password).NotEmpty().WithMessage("Vul uw wachtwoord in.").MaximumLength(200).WithMessage("Het wachtwoord is te lang.");
    }
}

internal sealed class CheckCredentialsHandler(IQuerySession session, IHostEnvironment environment) : IRequestHandler<CheckCredentials, ClaimsPrincipal?>
{
    public async Task<ClaimsPrincipal?> Handle(CheckCredentials request, CancellationToken cancellationToken)
    {
        var email = AccountEmail.Normalize(request.Email);
        var account = await session.Query<AccountView>().FirstOrDefaultAsync(a => a.Email == email, cancellationToken);
        // Always one full password check, also without an account (against a dummy hash): the answer takes as long
        // for an unknown address as for a known one (docs/adr/0077).
        var verified = Passwords.Verify(account, request.Password);
        if (account is null || !account.Active || account.PendingConfirmation || !verified) return null;
        return IsDevelopmentCredential(email, request.Password) ? null : PrincipalOf(account, Guid.NewGuid());
    }

    /// <summary>Outside Development the published development addresses and password never sign in (docs/adr/0079).</summary>
    private bool IsDevelopmentCredential(string email, string password) =>
        !environment.IsDevelopment() && (DevelopmentAddresses.IsDevelopmentAddress(email) || password == DevAccounts.Password);

    /// <summary>The principal of a sign-in session of the account (docs/adr/0076).</summary>
    internal static ClaimsPrincipal PrincipalOf(AccountView account, Guid session)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new(ClaimTypes.Name, account.DisplayName),
            new(ClaimTypes.Email, account.Email),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        SignInSessions.AddClaims(claims, account, session);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
