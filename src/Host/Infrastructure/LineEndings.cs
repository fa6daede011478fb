using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Wijkengids.Host.Infrastructure;

/// <summary>
/// Text with line breaks arrives as the sender wrote it: browsers post CRLF, some editors leave spaces at the end of a
/// line. Every module should store and compare one form, or a proposal that adds one sentence shows every line as
/// changed. So before any endpoint or page runs, every value with a line break, in a form post or a JSON body, gets LF
/// line endings and loses the spaces and tabs at the end of its lines. Values without a line break (names, passwords)
/// are left exactly as sent.
/// </summary>
internal sealed class LineEndings(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentLength is not 0 && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)))
        {
            if (IsUrlEncodedForm(request.ContentType)) await RewriteAsync(request, NormaliseForm, http.RequestAborted);
            else if (InputTextGuard.IsJson(request.ContentType)) await RewriteAsync(request, NormaliseJson, http.RequestAborted);
        }
        await next(http);
    }

    /// <summary>LF line endings, no spaces or tabs at the end of a line; unchanged without a line break.</summary>
    internal static string Normalise(string value)
    {
        if (value.IndexOfAny(['\r', '\n']) < 0) return value;
        var lines = value.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        return string.Join('\n', lines.Select(l => l.TrimEnd(' ', '\t')));
    }

    private static async Task RewriteAsync(HttpRequest request, Func<string, string?> normalise, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        string text;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        request.Body.Position = 0;
        if (normalise(text) is not { } rewritten) return;
        var bytes = Encoding.UTF8.GetBytes(rewritten);
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
    }

    /// <summary>The form with its values normalised, or null when nothing changes.</summary>
    private static string? NormaliseForm(string text)
    {
        if (!text.Contains("%0D", StringComparison.OrdinalIgnoreCase) && !text.Contains("%0A", StringComparison.OrdinalIgnoreCase)) return null;
        var changed = false;
        var pairs = new List<string>();
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? null : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            var normalised = value is null ? null : Normalise(value);
            if (normalised != value)
            {
                changed = true;
                pairs.Add(key + "=" + Uri.EscapeDataString(normalised!));
            }
            else pairs.Add(pair);
        }
        return changed ? string.Join('&', pairs) : null;
    }

    /// <summary>The JSON with its string values normalised, or null when nothing changes (or it is no JSON: the endpoint says so).</summary>
    private static string? NormaliseJson(string text)
    {
        if (!text.Contains("\\r", StringComparison.Ordinal) && !text.Contains("\\n", StringComparison.Ordinal)) return null;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
        return root is not null && Walk(root) ? root.ToJsonString() : null;
    }

    private static bool Walk(JsonNode node)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var s) && Normalise(s) is var n && n != s)
                    {
                        obj[name] = n;
                        changed = true;
                    }
                    else if (child is not null) changed |= Walk(child);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var s) && Normalise(s) is var n && n != s)
                    {
                        array[i] = n;
                        changed = true;
                    }
                    else if (array[i] is { } child) changed |= Walk(child);
                }
                break;
        }
        return changed;
    }

    private static bool IsUrlEncodedForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) &&
        "application/x-www-form-urlencoded".Equals(media.MediaType, StringComparison.OrdinalIgnoreCase);
}
