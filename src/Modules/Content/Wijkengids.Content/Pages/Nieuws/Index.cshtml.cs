using MediatR;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Pages.Nieuws;

public sealed class IndexModel(IMediator mediator) : PublicPageModel
{
    public IReadOnlyList<PublicItem> News { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => News = await mediator.Send(new ListNews(), cancellationToken);
}
