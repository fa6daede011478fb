using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.Community.Areas;

namespace Wijkengids.Community.Pages;

public sealed class GebiedenModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<AreaSummary> Areas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Areas = await mediator.Send(new ListAreas(), cancellationToken);
}
