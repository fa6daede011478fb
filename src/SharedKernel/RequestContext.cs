namespace Wijkengids.SharedKernel;

/// <summary>
/// Who acts and within which chain of causes: the metadata every event carries
/// (see docs/adr/0002). In a web request it comes from the signed-in user and the
/// X-Correlation-Id header; in a message handler from the Wolverine envelope.
/// </summary>
public interface IRequestContext
{
    /// <summary>The acting user's id, or <see cref="SystemActor"/>.</summary>
    string Actor { get; }

    string CorrelationId { get; }

    string? CausationId { get; }

    public const string SystemActor = "system";
}

/// <summary>Header names used on events and messages.</summary>
public static class MetadataHeaders
{
    public const string Reason = "reason";
    public const string CorrelationHttpHeader = "X-Correlation-Id";
}

/// <summary>A fixed context, for background work and imports.</summary>
public sealed record FixedRequestContext(string Actor, string CorrelationId, string? CausationId = null) : IRequestContext
{
    public static FixedRequestContext System(string? correlationId = null) =>
        new(IRequestContext.SystemActor, correlationId ?? Guid.NewGuid().ToString("N"));
}
