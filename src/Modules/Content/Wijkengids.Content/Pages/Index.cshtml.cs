using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Items;
using Wijkengids.Content.Reading;
using Wijkengids.SharedKernel;

namespace Wijkengids.Content.Pages;

/// <summary>The home page: the guide's introduction as published (imported from the seed, editable by editors).</summary>
public sealed class IndexModel(IMediator mediator) : PublicPageModel
{
    public PublicItem? Introduction { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Introduction = await mediator.Send(new GetPublicItem(ItemKinds.Page, ItemKinds.IntroductionSlug), cancellationToken);
        }
        catch (NotFoundException)
        {
            Introduction = null; // unpublished by an editor: the home page still welcomes readers
        }
    }
}
