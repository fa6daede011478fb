using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.Accounts;

namespace Wijkengids.Community.Pages.Registreren;

public sealed class BevestigenModel(IMediator mediator) : FormPageModel
{
    /// <summary>No field to point at (a link, a button): the reasons go in the summary only.</summary>
    protected override string? FieldOf(string property) => null;

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        Complete(async () => (await mediator.Send(new ConfirmAccountEmail(Token ?? ""), cancellationToken)).Message, cancellationToken);
}
