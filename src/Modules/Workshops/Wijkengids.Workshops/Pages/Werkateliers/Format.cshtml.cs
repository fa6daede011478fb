using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.Workshops.Contracts;
using Wijkengids.Workshops.Formats;
using Wijkengids.Workshops.Sessions;

namespace Wijkengids.Workshops.Pages.Werkateliers;

public sealed class FormatModel(IMediator mediator, GuideReferences guide) : PageModel
{
    public IReadOnlyList<GuideLink> Lessons { get; private set; } = [];
    public IReadOnlyList<GuideLink> Themes { get; private set; } = [];
    public FormatDetails Format { get; private set; } = null!;
    public IReadOnlyList<SessionSummary> Sessions { get; private set; } = [];

    public async Task OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        Format = await mediator.Send(new GetFormat(slug), cancellationToken);
        Sessions = await mediator.Send(new ListUpcomingSessions(slug), cancellationToken);
        Lessons = await guide.ResolveAsync(Format.Lessons, cancellationToken);
        Themes = await guide.ThemesAsync(Format.Themes, cancellationToken);
    }
}
