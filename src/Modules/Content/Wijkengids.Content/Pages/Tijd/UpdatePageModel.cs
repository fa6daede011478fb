using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Pages.Tijd;

/// <summary>
/// A page of the guide as of an update: it never changes, so it is cached for a year (immutable, with an ETag of what it
/// shows) and it is a Memento of its current page (docs/adr/0107).
/// </summary>
public abstract class UpdatePageModel : PublicPageModel
{
    protected override bool FollowsGuideVersion => false;

    /// <summary>
    /// Loads the page; answers 304 when the browser has it, a 301 when the section had another number in that update, the
    /// friendly 404 page for an update or item that did not exist.
    /// </summary>
    protected async Task<IActionResult> ShowUpdateAsync(Func<Task<(UpdateRef Update, string? Original, string Shows)>> load)
    {
        try
        {
            var (update, original, shows) = await load();
            Memento.AsMemento(Response, update.PublishedAt, original);
            return Memento.Immutable(HttpContext, $"{Request.Path}|{shows}") ? StatusCode(StatusCodes.Status304NotModified) : Page();
        }
        catch (NotFoundException missing) when (missing.Extensions.TryGetValue("location", out var location) && location is string url)
        {
            return RedirectPermanent(url);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
