using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Reading;
using Wijkengids.Contributions.Contracts;

namespace Wijkengids.Content.Pages.Gids;

public sealed class ParagraafModel(IMediator mediator, IPublishedReactions reactions) : PublicPageModel
{
    public SectionPage? Section { get; private set; }

    /// <summary>The reactions editors published under it (from Contributions, docs/adr/0051).</summary>
    public IReadOnlyList<PublishedReaction> Reactions { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        ShowAsync(async () =>
        {
            Section = await mediator.Send(new GetSectionPage(number), cancellationToken);
            Reactions = await reactions.AboutAsync($"sectie:{Section.Section.Number}", cancellationToken);
        });
}
