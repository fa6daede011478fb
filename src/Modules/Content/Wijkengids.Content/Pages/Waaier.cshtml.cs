using MediatR;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Pages;

/// <summary>The waaier: the summary points of every chapter, printable one chapter per A4.</summary>
public sealed class WaaierModel(IMediator mediator) : PublicPageModel
{
    public TableOfContents Contents { get; private set; } = new([]);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Contents = await mediator.Send(new GetTableOfContents(), cancellationToken);
}
