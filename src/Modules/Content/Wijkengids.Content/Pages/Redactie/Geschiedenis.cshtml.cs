using Wijkengids.Platform.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Items;
using Wijkengids.SharedKernel;

namespace Wijkengids.Content.Pages.Redactie;

/// <summary>An item's history: every revision and step (who, when, why), word-level diffs, revert with a reason.</summary>
public sealed class GeschiedenisModel(IMediator mediator) : FormPageModel
{
    protected override bool NotFoundIsThe404Page => true;
    protected override string ChangedMeanwhile => "Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet opgeslagen.";

    public ItemHistory? History { get; private set; }
    public RevisionComparison? Comparison { get; private set; }
    [BindProperty(SupportsGet = true, Name = "van")] public int? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "naar")] public int? To { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public Task<IActionResult> OnPostRevertAsync(Guid id, int revision, long expectedVersion, string? reason, CancellationToken cancellationToken) =>
        AttemptAsync(async () =>
        {
            var restored = await mediator.Send(new RevertItem(id, revision, expectedVersion, reason), cancellationToken);
            return ($"Revisie {revision} teruggezet als revisie {restored}; die moet nog ter review.", ItemDetail.EditUrlOf(id));
        }, () => LoadAsync(id, cancellationToken));

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        History = await mediator.Send(new GetItemHistory(id), cancellationToken);
        var latest = History.Item.Revision;
        To ??= latest;
        From ??= Math.Max(1, latest - 1);
        if (From != To && History.Revisions.Any(r => r.Revision == From) && History.Revisions.Any(r => r.Revision == To))
        {
            Comparison = await mediator.Send(new CompareRevisions(id, From.Value, To.Value), cancellationToken);
        }
    }
}
