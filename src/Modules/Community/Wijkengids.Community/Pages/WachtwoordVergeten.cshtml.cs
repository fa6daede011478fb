using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wijkengids.Community.Accounts;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Pages;

[EnableRateLimiting(RateLimitPolicies.Forms)]
public sealed class WachtwoordVergetenModel(IMediator mediator) : FormPageModel
{
    public Task<IActionResult> OnPostAsync(string? email, CancellationToken cancellationToken) =>
        Complete(async () => (await mediator.Send(new RequestPasswordReset(email ?? ""), cancellationToken)).Message, cancellationToken);
}
