using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Editions;

namespace Wijkengids.Content.Pages.Updates;

public sealed class IndexModel(IMediator mediator) : PublicPageModel
{
    [BindProperty(SupportsGet = true, Name = "sinds")] public int? Since { get; set; }
    public IReadOnlyList<EditionSummary> Editions { get; private set; } = [];
    public ChangesSince? Changes { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Editions = await mediator.Send(new ListEditions(), cancellationToken);
        if (Since is >= 0) Changes = await mediator.Send(new GetChangesSince(Since.Value), cancellationToken);
    }
}
