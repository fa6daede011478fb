using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Editions;

namespace Wijkengids.Content.Pages.Updates;

public sealed class UpdateModel(IMediator mediator) : PublicPageModel
{
    public EditionPage? Edition { get; private set; }

    public Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken) =>
        ShowAsync(async () => Edition = await mediator.Send(new GetEditionPage(number), cancellationToken));
}
