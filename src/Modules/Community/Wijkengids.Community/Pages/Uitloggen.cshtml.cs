using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.Community.SignIn;

namespace Wijkengids.Community.Pages;

public sealed class UitloggenModel(IMediator mediator) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await SignInSessions.SignOutAsync(HttpContext, mediator, cancellationToken);
        return LocalRedirect("/");
    }
}
