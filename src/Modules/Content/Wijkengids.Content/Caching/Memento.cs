using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Caching;

/// <summary>
/// Memento (RFC 7089) for the guide's pages: a current page is its own TimeGate (Accept-Datetime → 302 to the update page of
/// that moment, Vary: accept-datetime), the update pages are its Mementos (Memento-Datetime and Link headers) and a TimeMap in
/// application/link-format lists them all (docs/adr/0107).
/// </summary>
public static class Memento
{
    public const string AcceptDatetime = "Accept-Datetime";
    public const string LinkFormat = "application/link-format";

    public static bool Asked(HttpRequest request) => request.Headers.ContainsKey(AcceptDatetime);

    /// <summary>Accept-Datetime is an HTTP date ("Thu, 01 May 2026 10:00:00 GMT").</summary>
    public static bool TryParse(HttpRequest request, out DateTimeOffset moment) =>
        DateTimeOffset.TryParseExact(request.Headers[AcceptDatetime].ToString().Trim(), "r", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal, out moment);

    /// <summary>The update page that was current at <paramref name="moment"/>; before the first one, the first one.</summary>
    public static PageMemento Choose(IReadOnlyList<PageMemento> mementos, DateTimeOffset moment) =>
        mementos.LastOrDefault(m => m.Update.PublishedAt <= moment) ?? mementos[0];

    public static string TimeMapOf(string original) => original + "/tijdkaart";

    private static string Absolute(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{request.PathBase}{path}";

    /// <summary>Headers of a current page: it is the original resource and its own TimeGate.</summary>
    public static void AsOriginal(HttpResponse response, string original)
    {
        response.Headers.Append(HeaderNames.Vary, "accept-datetime");
        response.Headers.Append(HeaderNames.Link,
            $"<{Absolute(response.HttpContext.Request, original)}>; rel=\"original timegate\", " +
            $"<{Absolute(response.HttpContext.Request, TimeMapOf(original))}>; rel=\"timemap\"; type=\"{LinkFormat}\"");
    }

    /// <summary>Headers of an update page: when it was the guide's text, and where the original, TimeGate and TimeMap are.</summary>
    public static void AsMemento(HttpResponse response, DateTimeOffset moment, string? original)
    {
        response.Headers["Memento-Datetime"] = moment.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
        if (original is null) return;
        var request = response.HttpContext.Request;
        response.Headers.Append(HeaderNames.Link,
            $"<{Absolute(request, original)}>; rel=\"original\", <{Absolute(request, original)}>; rel=\"timegate\", " +
            $"<{Absolute(request, TimeMapOf(original))}>; rel=\"timemap\"; type=\"{LinkFormat}\"");
    }

    /// <summary>The TimeMap: the original, its TimeGate, itself and every update page, with their moments.</summary>
    public static string TimeMap(HttpRequest request, string original, IReadOnlyList<PageMemento> mementos)
    {
        var lines = new List<string>
        {
            $"<{Absolute(request, original)}>; rel=\"original\"",
            $"<{Absolute(request, original)}>; rel=\"timegate\"",
            $"<{Absolute(request, TimeMapOf(original))}>; rel=\"self\"; type=\"{LinkFormat}\"" +
            (mementos.Count > 0
                ? $"; from=\"{Http(mementos[0].Update.PublishedAt)}\"; until=\"{Http(mementos[^1].Update.PublishedAt)}\""
                : ""),
        };
        for (var i = 0; i < mementos.Count; i++)
        {
            var rel = (i == 0 ? "first " : "") + (i == mementos.Count - 1 ? "last " : "") + "memento";
            lines.Add($"<{Absolute(request, mementos[i].Url)}>; rel=\"{rel}\"; datetime=\"{Http(mementos[i].Update.PublishedAt)}\"");
        }
        return string.Join(",\n", lines) + "\n";
    }

    private static string Http(DateTimeOffset moment) => moment.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    /// <summary>
    /// An update page never changes: cached for a year, immutable, with an ETag of what it shows (a contributor's name erased
    /// since is the one thing that can change it). Answers true when the browser's copy is still good (304).
    /// </summary>
    public static bool Immutable(HttpContext http, string shows)
    {
        var tag = "\"u-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(shows)))[..20] + "\"";
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = new EntityTagHeaderValue(tag);
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(365) };
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        var match = http.Request.GetTypedHeaders().IfNoneMatch;
        return match is { Count: > 0 } && match.Any(t => t.Tag == tag || t.Equals(EntityTagHeaderValue.Any));
    }
}
