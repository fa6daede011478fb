using MediatR;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Pages.Gids;

public sealed class IndexModel(IMediator mediator) : PublicPageModel
{
    public TableOfContents Contents { get; private set; } = new([]);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Contents = await mediator.Send(new GetTableOfContents(), cancellationToken);
}
