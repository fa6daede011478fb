using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Pages.Tijd;

public sealed class ParagraafUpdateModel(IMediator mediator) : UpdatePageModel
{
    public SectionAsOf? View { get; private set; }

    public Task<IActionResult> OnGetAsync(string number, int update, CancellationToken cancellationToken) =>
        ShowUpdateAsync(async () =>
        {
            View = await mediator.Send(new GetSectionAsOf(number, update), cancellationToken);
            var page = View.Page;
            return (View.Update, $"/gids/{number}",
                $"{page.Section.Id}/{page.Section.Revision}|{string.Join(",", page.Lessons.Select(l => l.Url + l.Title))}|{page.Previous?.Url}|{page.Next?.Url}");
        });
}
