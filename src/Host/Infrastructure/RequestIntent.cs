using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Wijkengids.Host.Infrastructure;

/// <summary>
/// Cross-site request forgery (ADR 75): a state-changing request (POST, PUT, PATCH, DELETE) made with the sign-in
/// cookie must come from this site's own origin and prove intent, with the antiforgery token (form field or the
/// <see cref="TokenHeader"/> header) or with a JSON body, which a page elsewhere cannot send without a CORS preflight
/// that this site never grants. Otherwise: 403 (problem details for the API, the error page for the site).
/// </summary>
internal sealed class RequestIntentMiddleware(RequestDelegate next, IAntiforgery antiforgery, IConfiguration configuration,
    ILogger<RequestIntentMiddleware> logger)
{
    public const string TokenHeader = "X-CSRF-TOKEN";

    private readonly string? _siteOrigin = OriginOf(configuration["Site:BaseUrl"]);

    public async Task InvokeAsync(HttpContext http)
    {
        if (!NeedsProof(http) || await IntentShownAsync(http))
        {
            await next(http);
            return;
        }
        logger.LogWarning("Verzoek zonder bewijs van herkomst geweigerd: {Method} {Path} (Origin {Origin}, Sec-Fetch-Site {FetchSite})",
            http.Request.Method, http.Request.Path, http.Request.Headers.Origin.ToString(), http.Request.Headers["Sec-Fetch-Site"].ToString());
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (!WebPlatform.IsApi(http)) return; // the status code page shows the Dutch error page
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Verzoek geweigerd",
                Detail = "Dit verzoek komt niet aantoonbaar van deze site. Stuur de gegevens als JSON " +
                         $"(Content-Type: application/json) of met het antiforgery-token in de kop {TokenHeader}.",
            },
        });
    }

    /// <summary>Only requests that change something and ride on the sign-in cookie; an error page re-executed after them was checked already.</summary>
    private static bool NeedsProof(HttpContext http) =>
        !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) &&
        !HttpMethods.IsOptions(http.Request.Method) && !HttpMethods.IsTrace(http.Request.Method) &&
        http.User.Identity?.IsAuthenticated == true &&
        http.Features.Get<IStatusCodeReExecuteFeature>() is null &&
        http.Features.Get<IExceptionHandlerPathFeature>() is null;

    private async Task<bool> IntentShownAsync(HttpContext http) =>
        FromOwnOrigin(http) && (IsJson(http.Request.ContentType) || await antiforgery.IsRequestValidAsync(http));

    /// <summary>
    /// Browsers say where a request comes from: Sec-Fetch-Site ("same-site" is another origin of the same site,
    /// such as a neighbouring subdomain) and Origin. Clients that send neither (scripts, tests) are judged by the rest.
    /// </summary>
    private bool FromOwnOrigin(HttpContext http)
    {
        var fetchSite = http.Request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Equals("cross-site", StringComparison.OrdinalIgnoreCase) ||
            fetchSite.Equals("same-site", StringComparison.OrdinalIgnoreCase)) return false;
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        var own = OriginOf($"{http.Request.Scheme}://{http.Request.Host}");
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) ||
               string.Equals(origin, _siteOrigin, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>application/json or a +json type: neither can be sent by a form or a "simple" cross-origin request.</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.Value is { } media &&
        (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
         media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static string? OriginOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
