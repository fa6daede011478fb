using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Pages.Gids;

/// <summary>The table of contents; with ?op=2026-05-01, the guide as it stood on that date (the update of that moment).</summary>
public sealed class IndexModel(IMediator mediator) : PublicPageModel
{
    public TableOfContents Contents { get; private set; } = new([]);

    [BindProperty(SupportsGet = true, Name = "op")] public string? Op { get; set; }

    public GuideOnDate? OnDate { get; private set; }

    public string? DateError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Op is not null)
        {
            try
            {
                OnDate = await mediator.Send(new GetGuideOnDate(Op), cancellationToken);
                if (OnDate.Update is { } update) return Redirect(ReadGuideAsOfHandler.ContentsUrl(update.Number));
            }
            catch (ValidationException invalid)
            {
                DateError = invalid.Errors.First().ErrorMessage;
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }
        Contents = await mediator.Send(new GetTableOfContents(), cancellationToken);
        return Page();
    }
}
