using FluentValidation;
using JasperFx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.SharedKernel;

namespace Wijkengids.Content.Pages.Redactie;

/// <summary>One problem to show in the error summary, linked to its field where there is one.</summary>
public sealed record FormError(string Message, string? FieldId = null);

/// <summary>
/// Editors' pages: a change either succeeds (post/redirect/get with a message) or the page is shown again with
/// the Dutch reasons, the input kept, and — on a conflict — a link to the current text. Never a 500.
/// </summary>
public abstract class EditorPageModel : PageModel
{
    public List<FormError> Errors { get; } = [];

    /// <summary>Where the current text is, when a change was refused because someone else changed it first.</summary>
    public string? ConflictLink { get; protected set; }

    [TempData] public string? Message { get; set; }

    protected async Task<IActionResult> AttemptAsync(Func<Task<(string Message, string Url)>> change, Func<Task> reload)
    {
        try
        {
            var (message, url) = await change();
            Message = message;
            return LocalRedirect(url);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException e)
        {
            Errors.AddRange(e.Errors.Select(x => new FormError(x.ErrorMessage, FieldIdOf(x.PropertyName))).Distinct());
        }
        catch (ConflictException e)
        {
            Errors.Add(new FormError(e.Message));
            ConflictLink = e.Extensions.TryGetValue("currentPage", out var link) ? link as string : null;
            Response.StatusCode = 409;
            await reload();
            return Page();
        }
        catch (DomainProblemException e)
        {
            Errors.Add(new FormError(e.Message));
            Response.StatusCode = e.StatusCode;
            await reload();
            return Page();
        }
        catch (ConcurrencyException)
        {
            Errors.Add(new FormError("Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet opgeslagen."));
            Response.StatusCode = 409;
            await reload();
            return Page();
        }
        Response.StatusCode = 400;
        await reload();
        return Page();
    }

    /// <summary>"Text.Sources[2].Kind" → "veld-sources".</summary>
    public static string? FieldIdOf(string? property)
    {
        if (string.IsNullOrEmpty(property)) return null;
        var name = property.StartsWith("Text.", StringComparison.Ordinal) ? property[5..] : property;
        name = name.Split('[', '.')[0];
        return "veld-" + name.ToLowerInvariant();
    }

    public string? ErrorFor(string field) =>
        Errors.FirstOrDefault(e => e.FieldId == "veld-" + field)?.Message;
}
