using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Pages.Tijd;

/// <summary>A lesson's public history: per paragraph the update that last changed it, and the words changed between two updates.</summary>
public sealed class LesGeschiedenisModel(IMediator mediator) : PublicPageModel
{
    [BindProperty(SupportsGet = true, Name = "van")] public int? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "tot")] public int? To { get; set; }

    public LessonTimeline? History { get; private set; }

    public Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        ShowAsync(async () => History = await mediator.Send(new GetLessonHistory(slug, From, To), cancellationToken));
}
