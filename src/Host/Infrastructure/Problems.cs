using FluentValidation;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Platform;
using Wijkengids.SharedKernel;

namespace Wijkengids.Host.Infrastructure;

/// <summary>
/// Turns every failure into RFC 9457 problem details for the API, and into a friendly Dutch page
/// for the site. No input may produce a 500: what is not recognised here is logged as a real fault.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        // The handler runs with the endpoint cleared; the feature keeps the one that failed.
        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
        var problem = ToProblem(exception, endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType);
        // For pages the request has been re-pointed at /fout already; log the address that failed.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // PostgreSQL is down or restarting: not a fault in our code, and the client may simply try again (docs/adr/0083).
            logger.LogWarning("Database niet bereikbaar bij {Path}: {Message}", path, exception.GetBaseException().Message);
            http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (problem.Status >= 500) logger.LogError(exception, "Onverwachte fout bij {Path}", path);
        else logger.LogInformation("Verzoek afgewezen ({Status}): {Detail}", problem.Status, problem.Detail);

        // Pages get the friendly Dutch error page (re-executed at /fout with this status), the API problem details.
        // Without a database the page is written here: re-executing would run authentication (and so the database) again.
        if (!WebPlatform.IsApi(http) && problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(ErrorPageHtml.Render(StatusCodes.Status503ServiceUnavailable), cancellationToken);
            return true;
        }
        if (!WebPlatform.IsApi(http)) return false;

        http.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static int StatusOf(Exception exception) => ToProblem(exception).Status ?? 500;

    /// <param name="body">The type the endpoint reads from the body, when it reads one: names what a JSON value should have been.</param>
    internal static ProblemDetails ToProblem(Exception exception, Type? body = null) => exception switch
    {
        _ when DatabaseOutage.Is(exception) => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = WebPlatform.DutchTitle(StatusCodes.Status503ServiceUnavailable),
            Detail = WebPlatform.DutchDetail(StatusCodes.Status503ServiceUnavailable),
        },
        ValidationException validation => new ValidationProblemDetails(validation.Errors
            .GroupBy(e => ToCamelCase(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Status = 400,
            Title = "De invoer is niet geldig",
            Detail = "Controleer de gemarkeerde velden.",
        },
        DomainProblemException domain => WithExtensions(new ProblemDetails
        {
            Status = domain.StatusCode,
            Title = domain.Title,
            Detail = domain.Message,
        }, domain.Extensions),
        ConcurrencyException => new ProblemDetails
        {
            Status = 409,
            Title = "Conflict",
            Detail = "Iemand anders heeft dit intussen gewijzigd. Laad de huidige versie en probeer het opnieuw.",
        },
        // A JSON value of the wrong kind (an unknown status, a number for a text): the field it is about, and for a status the values there are.
        BadHttpRequestException { StatusCode: 400, InnerException: System.Text.Json.JsonException { Path: { Length: > 2 } path } } =>
            new ValidationProblemDetails(new Dictionary<string, string[]> { [FieldOf(path)] = [WrongValue(body, path)] })
            {
                Status = 400,
                Title = "De invoer is niet geldig",
                Detail = "Controleer de gemarkeerde velden.",
            },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400,
            Title = "Ongeldig verzoek",
            Detail = bad.StatusCode == 413
                ? "Het verzoek is te groot."
                : "Het verzoek kon niet worden gelezen. Controleer of de JSON geldig is en de velden het juiste type hebben.",
        },
        System.Text.Json.JsonException => new ProblemDetails
        {
            Status = 400,
            Title = "Ongeldig verzoek",
            Detail = "Het verzoek kon niet worden gelezen. Controleer of de JSON geldig is.",
        },
        OperationCanceledException => new ProblemDetails { Status = 499, Title = "Verzoek afgebroken" },
        _ => new ProblemDetails
        {
            Status = 500,
            Title = "Er ging iets mis",
            Detail = "Er ging aan onze kant iets mis. Probeer het later opnieuw.",
        },
    };

    /// <summary>"$.actions[0].status" → "actions[0].status".</summary>
    private static string FieldOf(string jsonPath) => jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    private static string WrongValue(Type? body, string jsonPath)
    {
        var type = TypeAt(body, jsonPath);
        var enumType = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return enumType is not null && StableEnums.IsStable(enumType)
            ? StableEnums.UnknownValue(enumType, null)
            : "Deze waarde heeft niet het juiste type.";
    }

    /// <summary>The .NET type of the value at a JSON path into <paramref name="root"/> (properties by name, [n] into a list), if it can be told.</summary>
    private static Type? TypeAt(Type? root, string jsonPath)
    {
        var type = root;
        foreach (var segment in jsonPath.TrimStart('$').Split(['.', '[', ']'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (type is null) return null;
            type = int.TryParse(segment, out _)
                ? type.IsArray ? type.GetElementType() : type.GetInterfaces().Append(type)
                    .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0]
                : type.GetProperty(segment, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance |
                                            System.Reflection.BindingFlags.IgnoreCase)?.PropertyType;
        }
        return type;
    }

    private static ProblemDetails WithExtensions(ProblemDetails problem, IDictionary<string, object?> extensions)
    {
        foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        return problem;
    }

    private static string ToCamelCase(string name) =>
        string.IsNullOrEmpty(name) ? name : string.Join('.', name.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
