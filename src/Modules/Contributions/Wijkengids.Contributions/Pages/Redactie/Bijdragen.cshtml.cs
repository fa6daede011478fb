using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.Contributions.Reactions;
using Wijkengids.SharedKernel;

namespace Wijkengids.Contributions.Pages.Redactie;

/// <summary>The moderation queue (editors; the /Redactie folder requires the editors policy).</summary>
public sealed class BijdragenModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? OuderDan { get; set; }
    public IReadOnlyList<ReactionDetails> Reactions { get; private set; } = [];
    public List<string> Errors { get; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Reactions = await mediator.Send(new ListReactionsForModeration(Status ?? "ontvangen", null, OuderDan), cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(Guid id, long expectedVersion, bool publish, CancellationToken ct) =>
        Attempt(() => mediator.Send(new PublishReaction(id, publish, expectedVersion, null), ct), publish ? "Reactie gepubliceerd." : "Reactie teruggetrokken.", ct);

    public Task<IActionResult> OnPostHandleAsync(Guid id, long expectedVersion, CancellationToken ct) =>
        Attempt(() => mediator.Send(new HandleReaction(id, expectedVersion, null), ct), "Reactie afgehandeld.", ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, long expectedVersion, string? answer, bool @public, CancellationToken ct) =>
        Attempt(() => mediator.Send(new AnswerReaction(id, answer ?? "", @public, expectedVersion), ct), "Antwoord opgeslagen.", ct);

    public Task<IActionResult> OnPostSpamAsync(Guid id, long expectedVersion, string? reason, CancellationToken ct) =>
        Attempt(() => mediator.Send(new MarkReactionAsSpam(id, reason ?? "", expectedVersion), ct), "Reactie als spam verborgen.", ct);

    private async Task<IActionResult> Attempt(Func<Task<ReactionDetails>> change, string done, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            Message = done;
            return RedirectToPage(new { status = Status, ouderDan = OuderDan });
        }
        catch (ValidationException e)
        {
            Errors.AddRange(e.Errors.Select(x => x.ErrorMessage).Distinct());
        }
        catch (DomainProblemException e)
        {
            Errors.Add(e.Message);
        }
        Response.StatusCode = 400;
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
