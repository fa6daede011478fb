using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.Community.Accounts;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Pages.Beheer;

[Authorize(Policy = Policies.Admins)]
public sealed class AccountsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];
    public List<string> Errors { get; } = [];
    [TempData] public string? Message { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
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
            var account = await mediator.Send(new AssignRoles(id, roles ?? [], expectedVersion, reason), cancellationToken);
            return $"Rollen van {account.DisplayName} opgeslagen.";
        }, cancellationToken);

    public Task<IActionResult> OnPostActiveAsync(Guid id, long expectedVersion, bool active, string? reason, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            var account = await mediator.Send(new SetAccountActive(id, active, expectedVersion, reason), cancellationToken);
            return account.Active ? $"{account.DisplayName} is weer actief." : $"{account.DisplayName} is gedeactiveerd.";
        }, cancellationToken);

    /// <summary>Runs a change; on success redirects (post/redirect/get), on failure shows the reasons on the page.</summary>
    private async Task<IActionResult> Attempt(Func<Task<string>> change, CancellationToken cancellationToken)
    {
        try
        {
            Message = await change();
            return RedirectToPage();
        }
        catch (ValidationException e)
        {
            Errors.AddRange(e.Errors.Select(x => x.ErrorMessage).Distinct());
        }
        catch (DomainProblemException e)
        {
            Errors.Add(e.Message);
        }
        catch (JasperFx.ConcurrencyException)
        {
            Errors.Add("Dit account is intussen door iemand anders gewijzigd. Bekijk de huidige stand en probeer het opnieuw.");
        }
        Response.StatusCode = 400;
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
