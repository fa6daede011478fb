using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wijkengids.Community.Accounts;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Pages.Registreren;

[EnableRateLimiting(RateLimitPolicies.Forms)]
public sealed class IndexModel(IMediator mediator) : FormPageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        Complete(async () => (await mediator.Send(new RegisterAccount(Email ?? "", DisplayName ?? "", Password ?? ""), cancellationToken)).Message,
            cancellationToken);
}
