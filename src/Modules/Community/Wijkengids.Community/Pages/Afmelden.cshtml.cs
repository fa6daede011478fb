using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.Subscriptions;

namespace Wijkengids.Community.Pages;

public sealed class AfmeldenModel(IMediator mediator) : FormPageModel
{
    /// <summary>No field to point at (a link, a button): the reasons go in the summary only.</summary>
    protected override string? FieldOf(string property) => null;

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        Complete(async () =>
        {
            await mediator.Send(new Unsubscribe(Token ?? ""), cancellationToken);
            return "U bent afgemeld. U ontvangt geen berichten over updates meer.";
        }, cancellationToken);
}
