using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Privacy;

namespace Wijkengids.Community.Pages;

[Authorize]
public sealed class ProfielModel(IMediator mediator) : FormPageModel
{
    public AccountSummary Account { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken) =>
        Account = await mediator.Send(new GetAccount(PersonalDataHandler.AccountIdOf(User)), cancellationToken);

    public Task<IActionResult> OnPostAsync(string? displayName, string? currentPassword, string? newPassword, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            await mediator.Send(new ChangeProfile(PersonalDataHandler.AccountIdOf(User), displayName ?? "", currentPassword, newPassword), cancellationToken);
            return "Uw profiel is opgeslagen.";
        }, cancellationToken);
}
