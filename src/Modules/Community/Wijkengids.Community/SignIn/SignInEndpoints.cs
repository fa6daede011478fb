using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Wijkengids.Community.SignIn;

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
            .Produces(204).ProducesProblem(401);

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
