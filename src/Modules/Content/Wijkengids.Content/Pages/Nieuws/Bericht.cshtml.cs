using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Items;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Pages.Nieuws;

public sealed class BerichtModel(IMediator mediator) : PublicPageModel
{
    public PublicItem? Item { get; private set; }

    public Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        ShowAsync(async () => Item = await mediator.Send(new GetPublicItem(ItemKinds.News, slug), cancellationToken));
}
