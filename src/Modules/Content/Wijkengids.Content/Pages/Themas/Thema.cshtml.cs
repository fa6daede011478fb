using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Pages.Themas;

public sealed class ThemaModel(IMediator mediator) : PublicPageModel
{
    public ThemePage? Theme { get; private set; }

    public Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        ShowAsync(async () => Theme = await mediator.Send(new GetThemePage(slug), cancellationToken));
}
