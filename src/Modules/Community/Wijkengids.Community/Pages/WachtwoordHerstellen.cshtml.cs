using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.Accounts;

namespace Wijkengids.Community.Pages;

public sealed class WachtwoordHerstellenModel(IMediator mediator) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public Task<IActionResult> OnPostAsync(string? newPassword, CancellationToken cancellationToken) =>
        Complete(async () => (await mediator.Send(new ResetPassword(Token ?? "", newPassword ?? ""), cancellationToken)).Message, cancellationToken);
}
