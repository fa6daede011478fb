using System.Net;

namespace Wijkengids.Host.Infrastructure;

/// <summary>A self-contained Dutch error page, for responses written outside the page pipeline (e.g. 429).</summary>
internal static class ErrorPageHtml
{
    public static string Render(int status) =>
        $"""
        <!DOCTYPE html>
        <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(WebPlatform.DutchTitle(status))} – Wijkengids</title><link rel="stylesheet" href="/css/site.css"></head>
        <body><main id="inhoud" class="container"><h1>{WebUtility.HtmlEncode(WebPlatform.DutchTitle(status))}</h1>
        <p>{WebUtility.HtmlEncode(WebPlatform.DutchDetail(status))}</p><p><a href="/">Naar de startpagina</a></p></main></body></html>
        """;
}
