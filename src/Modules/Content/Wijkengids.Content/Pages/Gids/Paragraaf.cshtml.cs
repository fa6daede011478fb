using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Pages.Gids;

public sealed class ParagraafModel(IMediator mediator) : PublicPageModel
{
    public SectionPage? Section { get; private set; }

    public Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        ShowAsync(async () => Section = await mediator.Send(new GetSectionPage(number), cancellationToken));
}
