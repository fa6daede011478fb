using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.Subscriptions;

namespace Wijkengids.Community.Pages;

public sealed class AfmeldenModel(IMediator mediator) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        Complete(async () =>
        {
            await mediator.Send(new Unsubscribe(Token ?? ""), cancellationToken);
            return "U bent afgemeld. U ontvangt geen berichten over updates meer.";
        }, cancellationToken);
}
