using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Reading;
using Wijkengids.Content.Search;

namespace Wijkengids.Content.Pages;

/// <summary>/zoeken?q=…&amp;thema=…&amp;soort=…&amp;pagina=…: search that works without JavaScript.</summary>
public sealed class ZoekenModel(IMediator mediator) : PublicPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Thema { get; set; }
    [BindProperty(SupportsGet = true)] public string? Soort { get; set; }
    [BindProperty(SupportsGet = true)] public int? Pagina { get; set; }
    /// <summary>Where to search: "nu" (the current guide), "alle" (every update) or an update's number.</summary>
    [BindProperty(SupportsGet = true, Name = "in")] public string? In { get; set; }
    public IReadOnlyList<Editions.EditionSummary> Updates { get; private set; } = [];
    public SearchResults? Results { get; private set; }
    public IReadOnlyList<ThemeSummary> Themes { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Themes = await mediator.Send(new ListThemes(), cancellationToken);
        Updates = await mediator.Send(new Editions.ListEditions(), cancellationToken);
        try
        {
            Results = await mediator.Send(new SearchGuide(Q, Thema, string.IsNullOrEmpty(Soort) ? null : Soort, Pagina ?? 1, In), cancellationToken);
        }
        catch (ValidationException e)
        {
            Error = string.Join(" ", e.Errors.Select(x => x.ErrorMessage).Distinct());
            Response.StatusCode = 400;
        }
        catch (NotFoundException e)
        {
            Error = e.Message;
            Response.StatusCode = 404;
        }
    }
}
