using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Wijkengids.Host.Infrastructure;

/// <summary>
/// Refuses text that no field may hold, before any endpoint or page runs (docs/adr/0086): control characters (C0 and
/// C1, DEL; tab, line feed and carriage return are allowed) and lone surrogates, in every string of a JSON body
/// (property names too, at any depth), every form field, every query string value and every route value. PostgreSQL
/// cannot store U+0000 in text or jsonb, and the other controls have no place in what people read.
/// The API answers a 400 problem that names the field; a page the Dutch 400 page with the same sentence.
/// </summary>
internal sealed class InputTextGuard(RequestDelegate next, IProblemDetailsService problems, ILogger<InputTextGuard> logger)
{
    /// <summary>The sentence a re-executed error page shows (see the Fout page).</summary>
    internal const string DetailItem = "wijkengids.fout.detail";

    public async Task InvokeAsync(HttpContext http)
    {
        // The error pages run again for a request that was already refused or failed: nothing to check twice.
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(http);
            return;
        }
        var refusal = FirstRefusal(http.Request.RouteValues.Select(v => (v.Key, v.Value as string)))
                      ?? FirstRefusal(http.Request.Query.SelectMany(q => q.Value.Select(v => (q.Key, v))))
                      ?? await BodyRefusalAsync(http.Request, http.RequestAborted);
        if (refusal is null)
        {
            await next(http);
            return;
        }

        var detail = refusal.Value.Detail;
        logger.LogInformation("Verzoek afgewezen (400) bij {Path}: {Detail}", http.Request.Path, detail);
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (WebPlatform.IsApi(http))
        {
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ValidationProblemDetails(new Dictionary<string, string[]> { [refusal.Value.Field] = [detail] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "De invoer is niet geldig",
                    Detail = detail,
                },
            });
        }
        else
        {
            // The site's error page (re-executed at /fout/400) shows the sentence.
            http.Items[DetailItem] = detail + (HttpMethods.IsGet(http.Request.Method)
                ? ""
                : " Ga terug naar het formulier, haal het teken weg en verstuur het opnieuw.");
        }
    }

    private readonly record struct Refusal(string Field, string Detail);

    private static Refusal? FirstRefusal(IEnumerable<(string Field, string? Value)> fields)
    {
        foreach (var (field, value) in fields)
        {
            if ((Refuse(field, field) ?? (value is null ? null : Refuse(field, value))) is { } refusal) return refusal;
        }
        return null;
    }

    /// <summary>The refusal for <paramref name="field"/> when <paramref name="text"/> holds a character no text may hold.</summary>
    private static Refusal? Refuse(string field, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++; // a pair: one character outside the basic plane
                continue;
            }
            if (!char.IsSurrogate(c) && !(char.IsControl(c) && c is not ('\t' or '\n' or '\r'))) continue;
            return new Refusal(Shown(field),
                $"Het veld '{Shown(field)}' bevat een teken dat niet is toegestaan (U+{(int)c:X4}).");
        }
        return null;
    }

    /// <summary>A field name fit to show: forbidden characters become '?', and it is kept short.</summary>
    private static string Shown(string field)
    {
        var shown = new StringBuilder(Math.Min(field.Length, 80));
        foreach (var c in field.Take(80)) shown.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
        return shown.ToString();
    }

    private static async Task<Refusal?> BodyRefusalAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType && MediaTypeHeaderValue.TryParse(request.ContentType, out var form) &&
            "application/x-www-form-urlencoded".Equals(form.MediaType, StringComparison.OrdinalIgnoreCase))
        {
            // Read here rather than through ReadFormAsync: the framework's form reader refuses U+0000 without naming the field.
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            var text = await reader.ReadToEndAsync(cancellationToken);
            request.Body.Position = 0;
            var fields = QueryHelpers.ParseNullableQuery(text);
            return fields is null ? null : FirstRefusal(fields.SelectMany(f => f.Value.Select(v => (f.Key, v))));
        }
        if (request.HasFormContentType)
        {
            IFormCollection multipart;
            try
            {
                multipart = await request.ReadFormAsync(cancellationToken);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                return null; // Unreadable: whatever reads it next refuses it in its own way.
            }
            return FirstRefusal(multipart.SelectMany(f => f.Value.Select(v => (f.Key, v))));
        }
        if (!IsJson(request.ContentType) || request.ContentLength == 0) return null;

        request.EnableBuffering();
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return Walk(document.RootElement, "");
        }
        catch (JsonException)
        {
            return null; // Not JSON after all: the endpoint answers its own 400.
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    internal static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType is { } type &&
        (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Every string and property name of a JSON value; <paramref name="path"/> is how the field is named ("sources[0].title").</summary>
    private static Refusal? Walk(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryText(() => property.Name, out var name)) return Unreadable(path.Length == 0 ? "?" : path + ".?");
                    var child = path.Length == 0 ? name : $"{path}.{name}";
                    if ((Refuse(child, name) ?? Walk(property.Value, child)) is { } refusal) return refusal;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Walk(item, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]") is { } refusal) return refusal;
                    index++;
                }
                return null;
            case JsonValueKind.String:
                if (!TryText(element.GetString, out var text)) return Unreadable(path);
                return Refuse(path.Length == 0 ? "(de tekst)" : path, text);
            default:
                return null;
        }
    }

    /// <summary>System.Text.Json refuses to turn a lone escaped surrogate ("\ud800") or invalid UTF-8 into a string.</summary>
    private static bool TryText(Func<string?> read, out string text)
    {
        try
        {
            text = read() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static Refusal Unreadable(string field) =>
        new(Shown(field), $"Het veld '{Shown(field)}' bevat een teken dat niet is toegestaan (geen geldige Unicode-tekst).");
}
