using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.Accounts;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Pages.Beheer;

public sealed class AccountsModel(IMediator mediator) : FormPageModel
{
    /// <summary>Several small forms on one page: the reasons go in the summary only.</summary>
    protected override string? FieldOf(string property) => null;

    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    protected override string ChangedMeanwhile => "Dit account is intussen door iemand anders gewijzigd. Bekijk de huidige stand en probeer het opnieuw.";

    protected override async Task LoadAsync(CancellationToken cancellationToken) =>
        Accounts = await mediator.Send(new ListAccounts(), cancellationToken);

    public Task<IActionResult> OnPostOpenAsync(string? password, string[]? roles, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            await mediator.Send(new OpenAccount(Email ?? "", DisplayName ?? "", password ?? "", roles ?? []), cancellationToken);
            return $"Account voor {DisplayName} aangemaakt.";
        }, cancellationToken);

    public Task<IActionResult> OnPostRolesAsync(Guid id, long expectedVersion, string[]? roles, string? reason, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            await mediator.Send(new AssignRoles(id, roles ?? [], expectedVersion, reason), cancellationToken);
            var account = await mediator.Send(new GetAccount(id), cancellationToken);
            return $"Rollen van {account.DisplayName} opgeslagen.";
        }, cancellationToken);

    public Task<IActionResult> OnPostActiveAsync(Guid id, long expectedVersion, bool active, string? reason, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            await mediator.Send(new SetAccountActive(id, active, expectedVersion, reason), cancellationToken);
            var account = await mediator.Send(new GetAccount(id), cancellationToken);
            return account.Active ? $"{account.DisplayName} is weer actief." : $"{account.DisplayName} is gedeactiveerd.";
        }, cancellationToken);
}
