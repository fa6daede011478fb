using MediatR;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Pages.Themas;

public sealed class IndexModel(IMediator mediator) : PublicPageModel
{
    public IReadOnlyList<ThemeSummary> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Themes = await mediator.Send(new ListThemes(), cancellationToken);
}
