using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.Subscriptions;

namespace Wijkengids.Community.Pages;

public sealed class AfmeldenModel(IMediator mediator) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public string? Done { get; private set; }

    public void OnGet()
    {
    }

    protected override Task LoadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            await mediator.Send(new Unsubscribe(Token ?? ""), cancellationToken);
            return "U bent afgemeld. U ontvangt geen berichten over updates meer.";
        }, cancellationToken, () =>
        {
            (Done, Message) = (Message, null);
            return Page();
        });
}
