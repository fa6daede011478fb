using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.SharedKernel;

namespace Wijkengids.Platform.Web;

/// <summary>One problem to show in the error summary, linked to its field (<c>veld-…</c>) where there is one.</summary>
public sealed record FormError(string Message, string? FieldId = null);

/// <summary>
/// The one base of every page with a form. A change either succeeds — post/redirect/get with a message in TempData, or
/// for a one-step form (<see cref="Complete"/>) its outcome on the same page — or the page is shown again with the
/// input kept and the Dutch reasons: in the error summary (shared partial <c>_Fouten</c>) and, for a reason about one
/// field, at that field (tag helpers <c>veld</c> and <c>&lt;veld-fout&gt;</c>). The status says what went wrong: 400 for
/// validation, 409 for a conflict (with a link to the current state when the conflict names it), otherwise the status
/// of the domain problem. Never a 500.
/// </summary>
public abstract class FormPageModel : PageModel
{
    public List<FormError> Errors { get; } = [];

    /// <summary>Where the current state is, when a change was refused because someone else changed it first.</summary>
    public string? ConflictLink { get; protected set; }

    [TempData] public string? Message { get; set; }

    /// <summary>The outcome of a one-step form (subscribe, confirm a link, reset a password) shown on the same page instead of the form.</summary>
    public string? Outcome { get; private set; }

    /// <summary>The heading of the error summary.</summary>
    public virtual string ErrorTitle => "Dat lukte niet";

    /// <summary>Loads what the page shows (also after a failed post); nothing for a plain form.</summary>
    protected virtual Task LoadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Message shown when someone else changed the same thing first (a lost optimistic-concurrency race).</summary>
    protected virtual string ChangedMeanwhile => "Dit is intussen door iemand anders gewijzigd. Bekijk de huidige stand en probeer het opnieuw.";

    /// <summary>True when a page about one thing cannot be shown without it: a change to something unknown is the 404 page.</summary>
    protected virtual bool NotFoundIsThe404Page => false;

    /// <summary>
    /// The field (its name in <c>veld-name</c>) a validation failure is about, or null for the summary only. By default
    /// the first part of the property, lower case ("Text.Sources[2].Kind" → "sources"); a page whose fields are named
    /// otherwise maps them here.
    /// </summary>
    protected virtual string? FieldOf(string property) => FieldNameOf(property);

    /// <summary>Shows a page about one thing with what <see cref="LoadAsync"/> loads; the 404 page when it does not exist (or is not this person's).</summary>
    protected async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>Runs a one-step change and shows its outcome on the same page (there is nothing to redirect back to).</summary>
    protected Task<IActionResult> Complete(Func<Task<string>> change, CancellationToken cancellationToken) =>
        Attempt(change, cancellationToken, () =>
        {
            (Outcome, Message) = (Message, null);
            return Page();
        });

    /// <summary>Runs a change; on success the message goes along to this page (or <paramref name="onSuccess"/>).</summary>
    protected Task<IActionResult> Attempt(Func<Task<string>> change, CancellationToken cancellationToken, Func<IActionResult>? onSuccess = null) =>
        AttemptCoreAsync(async () =>
        {
            Message = await change();
            return onSuccess?.Invoke() ?? RedirectToPage();
        }, () => LoadAsync(cancellationToken));

    /// <summary>Runs a change that says where to go next (a local address) with its message.</summary>
    protected Task<IActionResult> AttemptAsync(Func<Task<(string? Message, string Url)>> change, Func<Task> reload) =>
        AttemptCoreAsync(async () =>
        {
            var (message, url) = await change();
            Message = message;
            return LocalRedirect(url);
        }, reload);

    private async Task<IActionResult> AttemptCoreAsync(Func<Task<IActionResult>> change, Func<Task> reload)
    {
        try
        {
            return await change();
        }
        catch (ValidationException e)
        {
            AddErrors(e);
            Response.StatusCode = 400;
        }
        catch (NotFoundException) when (NotFoundIsThe404Page)
        {
            return NotFound();
        }
        catch (ConflictException e)
        {
            Errors.Add(new FormError(e.Message));
            ConflictLink = e.Extensions.TryGetValue("currentPage", out var link) ? link as string : null;
            Response.StatusCode = 409;
        }
        catch (DomainProblemException e)
        {
            Errors.Add(new FormError(e.Message));
            Response.StatusCode = e.StatusCode;
        }
        catch (JasperFx.ConcurrencyException)
        {
            Errors.Add(new FormError(ChangedMeanwhile));
            Response.StatusCode = 409;
        }
        await reload();
        return Page();
    }

    /// <summary>The failures of a validation, each at its field where it has one.</summary>
    protected void AddErrors(ValidationException e) =>
        Errors.AddRange(e.Errors.Select(x => new FormError(x.ErrorMessage, IdOf(FieldOf(x.PropertyName ?? "")))).Distinct());

    /// <summary>Adds a reason about one field (<paramref name="field"/> as in <c>veld-field</c>), or the summary only when null.</summary>
    protected void AddError(string message, string? field = null) => Errors.Add(new FormError(message, IdOf(field)));

    /// <summary>"Text.Sources[2].Kind" → "veld-sources"; a failure about the whole form (no property) → null.</summary>
    public static string? FieldIdOf(string? property) => IdOf(FieldNameOf(property));

    private static string? FieldNameOf(string? property)
    {
        if (string.IsNullOrEmpty(property)) return null;
        var name = property.StartsWith("Text.", StringComparison.Ordinal) ? property[5..] : property;
        name = name.Split('[', '.')[0];
        return name.Length == 0 ? null : name.ToLowerInvariant();
    }

    private static string? IdOf(string? field) => field is null ? null : "veld-" + field;

    /// <summary>
    /// A status filter from the query string or a form, by its stable string: null when empty; an unknown value is shown as
    /// a reason (at <paramref name="field"/> when the form has one; status 400) and filters nothing.
    /// </summary>
    protected T? StatusFilter<T>(string? value, string? field = null) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (StableEnums.TryParse<T>(value, out var status)) return status;
        AddError(StableEnums.UnknownValue<T>(value), field);
        Response.StatusCode = 400;
        return null;
    }

    /// <summary>The first reason about a field (<paramref name="field"/> as in <c>veld-field</c>), or null.</summary>
    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.FieldId == "veld-" + field)?.Message;
}
