using System.Security.Claims;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
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

/// <summary>The signed-in person, as the API reports it.</summary>
public sealed record Me(Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles);

internal static class SignInEndpoints
{
    public sealed record LoginBody(string? Email, string? Password);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/auth").WithTags("Community");

        auth.MapPost("/login", async Task<IResult> (LoginBody body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var principal = await mediator.Send(new CheckCredentials(body.Email ?? "", body.Password ?? ""), ct);
                if (principal is null)
                {
                    return TypedResults.Problem(statusCode: 401, title: "Inloggen mislukt",
                        detail: "Het e-mailadres of het wachtwoord klopt niet, of het account is gedeactiveerd.");
                }
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
                return TypedResults.NoContent();
            })
            .RequireRateLimiting(SharedKernel.RateLimitPolicies.Login)
            .WithName("Login").WithSummary("Inloggen met e-mail en wachtwoord; zet het sessiecookie")
            .Produces(204).ProducesProblem(400).ProducesProblem(401).ProducesProblem(429);

        auth.MapPost("/logout", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                await SignInSessions.SignOutAsync(http, mediator, ct);
                return TypedResults.NoContent();
            })
            .WithName("Logout").WithSummary("Uitloggen: deze sessie eindigt, ook voor kopieën van het cookie").Produces(204);

        auth.MapPost("/logout-everywhere", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                await SignInSessions.SignOutEverywhereAsync(http, mediator, Privacy.SignedInAccount.IdOf(http.User), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithName("LogoutEverywhere").WithSummary("Overal uitloggen: elke sessie van mijn account eindigt, deze ook")
            .Produces(204).ProducesProblem(401);

        auth.MapGet("/me", Results<Ok<Me>, ProblemHttpResult> (HttpContext http) =>
            {
                var user = http.User;
                if (user.Identity?.IsAuthenticated != true)
                {
                    return TypedResults.Problem(statusCode: 401, title: "Niet ingelogd", detail: "Log in om dit te zien.");
                }
                return TypedResults.Ok(new Me(
                    Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!),
                    user.FindFirstValue(ClaimTypes.Name) ?? "",
                    user.FindFirstValue(ClaimTypes.Email) ?? "",
                    user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList()));
            })
            .WithName("Me").WithSummary("Wie ben ik?").ProducesProblem(401);
    }
}
