using Wijkengids.Platform.Web;
using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Items;

namespace Wijkengids.Content.Pages.Redactie;

/// <summary>The editors' desk: the review queue and every item with its status (folder /Redactie requires an editor).</summary>
public sealed class IndexModel(IMediator mediator) : FormPageModel
{
    protected override bool NotFoundIsThe404Page => true;
    protected override string ChangedMeanwhile => "Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet opgeslagen.";

    [BindProperty(SupportsGet = true, Name = "soort")] public string? Kind { get; set; }
    /// <summary>The status filter as its stable string ("in-review"), as the form sends it.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    public IReadOnlyList<ItemSummary> Queue { get; private set; } = [];
    public IReadOnlyList<ItemSummary> Items { get; private set; } = [];
    public string Me => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Queue = await mediator.Send(new ListItems(Status: ItemStatus.InReview), cancellationToken);
        Items = await mediator.Send(new ListItems(ItemKinds.All.Contains(Kind) ? Kind : null, StatusFilter<ItemStatus>(Status)), cancellationToken);
    }
}
