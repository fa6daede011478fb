using System.Security.Claims;
using Marten;
using Wijkengids.SharedKernel;

namespace Wijkengids.Host.Infrastructure;

/// <summary>
/// The request context of a web request: the signed-in user (or "system" for anonymous
/// visitors' acts such as a reaction), the correlation id from the X-Correlation-Id header
/// (or a new one), and the request id as causation.
/// </summary>
internal sealed class HttpRequestContext(IHttpContextAccessor accessor) : IRequestContext
{
    public string Actor => ActorOf(accessor.HttpContext?.User);

    public string CorrelationId => accessor.HttpContext is { } http
        ? CorrelationMiddleware.CorrelationOf(http)
        : _fallbackCorrelation;

    public string? CausationId => accessor.HttpContext?.TraceIdentifier;

    private readonly string _fallbackCorrelation = Guid.NewGuid().ToString("N");

    internal static string ActorOf(ClaimsPrincipal? user) =>
        user?.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id ? id : IRequestContext.SystemActor;
}

/// <summary>Takes the caller's X-Correlation-Id (when sane) or makes one, and echoes it on the response.</summary>
internal sealed class CorrelationMiddleware(RequestDelegate next)
{
    private const string ItemKey = "wijkengids.correlation";

    public Task InvokeAsync(HttpContext context)
    {
        var given = context.Request.Headers[MetadataHeaders.CorrelationHttpHeader].ToString();
        var correlation = given.Length is > 0 and <= 64 && given.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? given
            : Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = correlation;
        context.Response.Headers[MetadataHeaders.CorrelationHttpHeader] = correlation;
        return next(context);
    }

    internal static string CorrelationOf(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is string s ? s : context.TraceIdentifier;
}

/// <summary>
/// Opens lightweight sessions and, inside a web request, stamps actor, correlation and causation on
/// them, so every event a request appends carries its metadata. Wolverine wraps this factory and
/// stamps the envelope's metadata on the sessions of message handlers.
/// </summary>
internal sealed class StampedSessionFactory(IDocumentStore store, IHttpContextAccessor accessor) : SessionFactoryBase(store)
{
    public override Marten.Services.SessionOptions BuildOptions() => new() { Tracking = DocumentTracking.None };

    public override void ApplyMetadata(IDocumentSession documentSession)
    {
        if (accessor.HttpContext is null) return;
        documentSession.Stamp(new HttpRequestContext(accessor));
    }
}
