using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Pages.Tijd;

/// <summary>The table of contents as of an update (/gids/update/3), or the waaier as of an update (/waaier/update/3).</summary>
public sealed class GidsUpdateModel(IMediator mediator) : UpdatePageModel
{
    public ContentsAsOf? View { get; private set; }

    public Task<IActionResult> OnGetAsync(int update, CancellationToken cancellationToken) =>
        ShowUpdateAsync(async () =>
        {
            View = await mediator.Send(new GetContentsAsOf(update), cancellationToken);
            return (View.Update, null, System.Text.Json.JsonSerializer.Serialize(View.Contents));
        });
}
