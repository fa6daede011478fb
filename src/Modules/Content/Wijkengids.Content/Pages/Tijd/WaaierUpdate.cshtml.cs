using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Pages.Tijd;

public sealed class WaaierUpdateModel(IMediator mediator) : UpdatePageModel
{
    public ContentsAsOf? View { get; private set; }

    public Task<IActionResult> OnGetAsync(int update, CancellationToken cancellationToken) =>
        ShowUpdateAsync(async () =>
        {
            View = await mediator.Send(new GetContentsAsOf(update), cancellationToken);
            return (View.Update, null, System.Text.Json.JsonSerializer.Serialize(View.Contents));
        });
}
