using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Pages.Lessen;

public sealed class LesModel(IMediator mediator) : PublicPageModel
{
    public LessonPage? Lesson { get; private set; }

    public Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        ShowAsync(async () => Lesson = await mediator.Send(new GetLessonPage(slug), cancellationToken));
}
