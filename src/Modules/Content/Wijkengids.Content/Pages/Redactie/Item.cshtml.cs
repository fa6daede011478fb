using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Items;
using Wijkengids.SharedKernel;

namespace Wijkengids.Content.Pages.Redactie;

/// <summary>One item: edit its text (with preview), and take the next workflow step.</summary>
public sealed class ItemModel(IMediator mediator) : ItemFormPageModel(mediator)
{
    public ItemDetail? Item { get; private set; }
    public string AuthorName { get; private set; } = "";
    [BindProperty] public long ExpectedVersion { get; set; }
    public string Me => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Form = ItemForm.From(Item!.Text);
        ExpectedVersion = Item.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Preview();
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        AttemptAsync(async () =>
        {
            var revision = await Mediator.Send(new SaveDraft(id, ExpectedVersion, ReadForm(), Reason), cancellationToken);
            return ($"Concept opgeslagen als revisie {revision}.", ItemDetail.EditUrlOf(id));
        }, () => LoadAsync(id, cancellationToken));

    public Task<IActionResult> OnPostStepAsync(Guid id, string step, long expectedVersion, string? stepReason, string? comment,
        CancellationToken cancellationToken) =>
        AttemptAsync(async () =>
        {
            await Mediator.Send(new TakeItemStep(id, step, expectedVersion, stepReason, comment), cancellationToken);
            var item = await Mediator.Send(new GetItem(id), cancellationToken);
            return ($"\u201c{item.Text.Title}\u201d is {ItemSteps.Done(step)}.", ItemDetail.EditUrlOf(id));
        }, async () =>
        {
            if (await LoadAsync(id, cancellationToken))
            {
                Form = ItemForm.From(Item!.Text);
                ExpectedVersion = Item.Version;
            }
        });

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var history = await Mediator.Send(new GetItemHistory(id), cancellationToken);
            Item = history.Item;
            Kind = Item.Kind;
            AuthorName = history.Revisions.FirstOrDefault()?.SavedByName ?? "";
            await LoadThemesAsync(cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
