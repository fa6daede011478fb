using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Items;

namespace Wijkengids.Content.Pages.Redactie;

/// <summary>A new chapter, section, lesson, news item or page, saved as the first draft revision.</summary>
public sealed class NieuwModel(IMediator mediator) : ItemFormPageModel(mediator)
{
    public async Task OnGetAsync(string? soort, CancellationToken cancellationToken)
    {
        Kind = KindOf(soort);
        await LoadThemesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPreviewAsync(string? soort, CancellationToken cancellationToken)
    {
        await OnGetAsync(soort, cancellationToken);
        Preview();
        return Page();
    }

    public Task<IActionResult> OnPostAsync(string? soort, CancellationToken cancellationToken)
    {
        Kind = KindOf(soort);
        return AttemptAsync(async () =>
        {
            var id = await Mediator.Send(new CreateItem(Kind, ReadForm(), Reason), cancellationToken);
            var item = await Mediator.Send(new GetItem(id), cancellationToken);
            return ($"{char.ToUpperInvariant(ItemKinds.DutchName(Kind)[0])}{ItemKinds.DutchName(Kind)[1..]} \u201c{item.Text.Title}\u201d opgeslagen als concept (revisie 1).",
                ItemDetail.EditUrlOf(item.Id));
        }, () => LoadThemesAsync(cancellationToken));
    }

    private static string KindOf(string? kind) => ItemKinds.All.Contains(kind) ? kind! : ItemKinds.Lesson;
}
