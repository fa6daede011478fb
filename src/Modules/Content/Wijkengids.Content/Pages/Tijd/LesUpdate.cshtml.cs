using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Pages.Tijd;

public sealed class LesUpdateModel(IMediator mediator) : UpdatePageModel
{
    public LessonAsOf? View { get; private set; }

    public Task<IActionResult> OnGetAsync(string slug, int update, CancellationToken cancellationToken) =>
        ShowUpdateAsync(async () =>
        {
            View = await mediator.Send(new GetLessonAsOf(slug, update), cancellationToken);
            var page = View.Page;
            return (View.Update, $"/lessen/{slug}",
                $"{page.Lesson.Id}/{page.Lesson.Revision}|{string.Join(",", page.Sections.Select(s => s.Url + s.Title))}|" +
                $"{string.Join(",", page.Themes.Select(t => t.Name))}|{string.Join(",", page.Contributors)}");
        });
}
