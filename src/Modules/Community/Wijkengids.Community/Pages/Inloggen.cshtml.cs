using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Wijkengids.Community.SignIn;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Pages;

[EnableRateLimiting(RateLimitPolicies.Login)]
public sealed class InloggenModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    public string? Error { get; private set; }
    /// <summary>What a page that signed the person out has to say (e.g. "overal uitgelogd").</summary>
    [TempData] public string? Message { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Vul uw e-mailadres en wachtwoord in.";
            return Page();
        }
        var principal = await mediator.Send(new CheckCredentials(Email, Password), cancellationToken);
        if (principal is null)
        {
            Error = "Het e-mailadres of het wachtwoord klopt niet, of het account is gedeactiveerd.";
            Response.StatusCode = 401;
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
