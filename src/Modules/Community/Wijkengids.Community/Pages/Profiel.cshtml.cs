using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Privacy;
using Wijkengids.Community.SignIn;

namespace Wijkengids.Community.Pages;

public sealed class ProfielModel(IMediator mediator) : FormPageModel
{
    public AccountSummary Account { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken) =>
        Account = await mediator.Send(new GetAccount(SignedInAccount.IdOf(User)), cancellationToken);

    public Task<IActionResult> OnPostAsync(string? displayName, string? currentPassword, string? newPassword, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            var account = SignedInAccount.IdOf(User);
            await mediator.Send(new ChangeProfile(account, displayName ?? "", currentPassword, newPassword), cancellationToken);
            if (string.IsNullOrEmpty(newPassword)) return "Uw profiel is opgeslagen.";
            await SignInSessions.RenewAsync(HttpContext, mediator, account, cancellationToken);
            return "Uw profiel en nieuwe wachtwoord zijn opgeslagen. Op andere apparaten en in andere browsers bent u uitgelogd.";
        }, cancellationToken);

    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken cancellationToken)
    {
        await SignInSessions.SignOutEverywhereAsync(HttpContext, mediator, SignedInAccount.IdOf(User), cancellationToken);
        Message = "U bent overal uitgelogd: op elk apparaat en in elke browser. Log opnieuw in om verder te gaan.";
        return LocalRedirect("/inloggen");
    }
}
