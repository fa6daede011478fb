using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wijkengids.Community.Privacy;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Pages.GegevensOpvragen;

[EnableRateLimiting(RateLimitPolicies.Forms)]
public sealed class IndexModel(IMediator mediator) : FormPageModel
{
    public Task<IActionResult> OnPostAsync(string? email, CancellationToken cancellationToken) =>
        Complete(async () => (await mediator.Send(new RequestAddressDataLink(email ?? ""), cancellationToken)).Message, cancellationToken);
}
