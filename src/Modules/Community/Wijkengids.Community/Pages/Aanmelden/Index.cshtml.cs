using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wijkengids.Community.Subscriptions;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Pages.Aanmelden;

[EnableRateLimiting(RateLimitPolicies.Forms)]
public sealed class IndexModel(IMediator mediator) : FormPageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Themes { get; set; }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        Complete(async () => (await mediator.Send(new Subscribe(Email ?? "", Themes is null ? [] : [Themes]), cancellationToken)).Message, cancellationToken);
}
