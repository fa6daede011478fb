using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.Workshops.Formats;
using Wijkengids.Workshops.Sessions;

namespace Wijkengids.Workshops.Pages.Werkateliers;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<FormatDetails> Formats { get; private set; } = [];
    public IReadOnlyList<SessionSummary> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Formats = await mediator.Send(new ListFormats(), cancellationToken);
        Sessions = await mediator.Send(new ListUpcomingSessions(null), cancellationToken);
    }
}
