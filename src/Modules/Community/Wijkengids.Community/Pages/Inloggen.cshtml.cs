using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wijkengids.Community.SignIn;
using Wijkengids.SharedKernel;
using Wijkengids.Platform.Web;

namespace Wijkengids.Community.Pages;

[EnableRateLimiting(RateLimitPolicies.Login)]
public sealed class InloggenModel(IMediator mediator) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    public override string ErrorTitle => "Inloggen is niet gelukt";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            AddError("Vul uw e-mailadres en wachtwoord in.");
            return Page();
        }
        var principal = await mediator.Send(new CheckCredentials(Email, Password), cancellationToken);
        if (principal is null)
        {
            AddError("Het e-mailadres of het wachtwoord klopt niet, of het account is gedeactiveerd.");
            Response.StatusCode = 401;
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
