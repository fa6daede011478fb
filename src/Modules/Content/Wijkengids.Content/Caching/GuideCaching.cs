using Microsoft.AspNetCore.Http.Headers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Wijkengids.Content.Caching;

/// <summary>
/// Output caching of public pages for anonymous readers. The cache key includes the current guide version, so
/// anything readers can see changing (a publish, an edition) makes every cached page stale at once; entries of old
/// versions are evicted by tag on this host and expire elsewhere (docs/adr/0013). It is a base policy chosen by
/// path, so the host can serve hits early in the pipeline, before routing and authentication.
/// </summary>
public sealed class GuideCachePolicy : IOutputCachePolicy
{
    public const string Tag = "guide";

    /// <summary>The public pages of the guide (see Pages/): "/" exactly, the others with what follows.</summary>
    public static readonly string[] PublicPaths = ["/gids", "/lessen", "/themas", "/waaier", "/updates", "/nieuws", "/zoeken"];

    /// <summary>The host's sign-in cookie (and its chunks): whoever carries it gets fresh, personal pages.</summary>
    private const string SignInCookie = "wijkengids.auth";

    public static bool IsPublicPage(PathString path) =>
        path.Value is "/" || PublicPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = IsPublicPage(http.Request.Path) && IsAnonymousRead(http);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable) return;
        var version = await http.RequestServices.GetRequiredService<GuideVersionCache>().CurrentAsync(cancellation);
        context.CacheVaryByRules.VaryByValues["guide"] = version.Version.ToString();
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = Memento.AcceptDatetime;
        context.Tags.Add(Tag);
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // The cached headers include the correlation id of the request that filled the cache: keep this request's own.
        var response = context.HttpContext.Response;
        var correlation = response.Headers[MetadataHeaders.CorrelationHttpHeader].ToString();
        response.OnStarting(() =>
        {
            response.Headers[MetadataHeaders.CorrelationHttpHeader] = correlation;
            return Task.CompletedTask;
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    internal static bool IsAnonymousRead(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) && http.User.Identity?.IsAuthenticated != true &&
        !http.Request.Cookies.Keys.Any(k => k.StartsWith(SignInCookie, StringComparison.Ordinal));
}

/// <summary>
/// A public page (its path must be in <see cref="GuideCachePolicy.PublicPaths"/>): output-cached for anonymous readers, with an ETag and Last-Modified taken from the guide
/// version, so a returning browser gets 304 Not Modified until something is published.
/// </summary>
public abstract class PublicPageModel : PageModel
{
    /// <summary>
    /// False for pages that never change (the guide as of an update): they set their own ETag and cache headers
    /// (<see cref="Memento.Immutable"/>).
    /// </summary>
    protected virtual bool FollowsGuideVersion => true;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (FollowsGuideVersion && GuideCachePolicy.IsAnonymousRead(HttpContext) && !Memento.Asked(Request))
        {
            var version = await HttpContext.RequestServices.GetRequiredService<GuideVersionCache>().CurrentAsync(HttpContext.RequestAborted);
            var headers = Response.GetTypedHeaders();
            headers.ETag = new EntityTagHeaderValue(version.ETag);
            headers.LastModified = version.ChangedAt;
            headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
            if (NotModified(Request.GetTypedHeaders(), version))
            {
                context.Result = new StatusCodeResult(StatusCodes.Status304NotModified);
                return;
            }
        }
        await next();
    }

    private static bool NotModified(RequestHeaders request, GuideVersionCache.Snapshot version)
    {
        if (request.IfNoneMatch is { Count: > 0 } tags) return tags.Any(t => t.Tag == version.ETag || t.Equals(EntityTagHeaderValue.Any));
        return request.IfModifiedSince is { } since && version.ChangedAt <= since.AddSeconds(1);
    }

    /// <summary>
    /// The page as its own TimeGate (RFC 7089): with Accept-Datetime, a 302 to the update page of that moment; null when the
    /// request did not ask, or the page has no update page yet (then the current page answers).
    /// </summary>
    protected async Task<IActionResult?> TimeGateAsync(string kind, string key, string original, CancellationToken cancellationToken)
    {
        if (!Memento.Asked(Request)) return null;
        Response.Headers.Vary = "accept-datetime";
        if (!Memento.TryParse(Request, out var moment)) return StatusCode(StatusCodes.Status400BadRequest);
        var mementos = await HttpContext.RequestServices.GetRequiredService<MediatR.IMediator>()
            .Send(new Reading.GetMementos(kind, key), cancellationToken);
        if (mementos.Count == 0) return null;
        Response.Headers.Remove(HeaderNames.Vary);
        Memento.AsOriginal(Response, original);
        return Redirect(Memento.Choose(mementos, moment).Url);
    }

    /// <summary>Loads what the page shows; a missing (or unpublished) item becomes the friendly 404 page.</summary>
    protected async Task<IActionResult> ShowAsync(Func<Task> load)
    {
        try
        {
            await load();
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
