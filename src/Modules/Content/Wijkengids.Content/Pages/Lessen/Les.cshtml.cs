using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Items;
using Wijkengids.Content.Reading;
using Wijkengids.Contributions.Contracts;

namespace Wijkengids.Content.Pages.Lessen;

public sealed class LesModel(IMediator mediator, IPublishedReactions reactions) : PublicPageModel
{
    public LessonPage? Lesson { get; private set; }

    /// <summary>The reactions editors published under it (from Contributions, docs/adr/0051).</summary>
    public IReadOnlyList<PublishedReaction> Reactions { get; private set; } = [];

    public Citation? Citation { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await TimeGateAsync(ItemKinds.Lesson, slug, $"/lessen/{slug}", cancellationToken) is { } gate) return gate;
        return await ShowAsync(async () =>
        {
            Lesson = await mediator.Send(new GetLessonPage(slug), cancellationToken);
            Reactions = await reactions.AboutAsync($"les:{Lesson.Lesson.Slug}", cancellationToken);
            Citation = await mediator.Send(new GetCitation(Lesson.Lesson.Id), cancellationToken);
            Memento.AsOriginal(Response, $"/lessen/{slug}");
        });
    }
}
