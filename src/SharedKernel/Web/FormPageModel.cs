using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;


namespace Wijkengids.SharedKernel.Web;

/// <summary>
/// A page with forms that change something: on success it redirects (post/redirect/get) with a message; on failure it
/// shows the Dutch reasons in the error summary and keeps what was typed.
/// </summary>
public abstract class FormPageModel : PageModel
{
    public List<string> Errors { get; } = [];

    [TempData] public string? Message { get; set; }

    /// <summary>The outcome of a one-step form (subscribe, confirm a link, reset a password) shown on the same page instead of the form.</summary>
    public string? Outcome { get; private set; }

    /// <summary>Loads what the page shows (also after a failed post); nothing for a plain form.</summary>
    protected virtual Task LoadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Message shown when someone else changed the same thing first.</summary>
    protected virtual string ChangedMeanwhile => "Dit is intussen door iemand anders gewijzigd. Bekijk de huidige stand en probeer het opnieuw.";

    /// <summary>Runs a one-step change and shows its outcome on the same page (there is nothing to redirect back to).</summary>
    protected Task<IActionResult> Complete(Func<Task<string>> change, CancellationToken cancellationToken) =>
        Attempt(change, cancellationToken, () =>
        {
            (Outcome, Message) = (Message, null);
            return Page();
        });

    protected async Task<IActionResult> Attempt(Func<Task<string>> change, CancellationToken cancellationToken, Func<IActionResult>? onSuccess = null)
    {
        try
        {
            Message = await change();
            return onSuccess?.Invoke() ?? RedirectToPage();
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
            Errors.Add(ChangedMeanwhile);
        }
        Response.StatusCode = 400;
        await LoadAsync(cancellationToken);
        return Page();
    }
}
