using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Timeline;

/// <summary>
/// Async projection over every module's events into the audit schema. Nobody writes to it
/// directly; it can be rebuilt from the event store at any time.
/// </summary>
public sealed partial class AuditTimelineProjection : EventProjection
{
    public AuditTimelineProjection()
    {
        Name = "AuditTimeline";
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        operations.Store(ToEntry(e));
        return ValueTask.CompletedTask;
    }

    internal static AuditEntry ToEntry(IEvent e) => new()
    {
        Id = e.Sequence,
        EventId = e.Id,
        StreamId = e.StreamId,
        Version = e.Version,
        Module = ModuleOf(e.EventType),
        EventType = e.EventTypeName,
        Description = e.Data is IDescribedEvent described ? described.Describe() : e.EventTypeName,
        Timestamp = e.Timestamp,
        Actor = string.IsNullOrEmpty(e.UserName) ? IRequestContext.SystemActor : e.UserName,
        CorrelationId = e.CorrelationId,
        CausationId = e.CausationId,
        Reason = e.Headers is not null && e.Headers.TryGetValue(MetadataHeaders.Reason, out var reason) ? reason?.ToString() : null,
    };

    /// <summary>Wijkengids.Community.Accounts.AccountOpened → "community".</summary>
    internal static string ModuleOf(Type type)
    {
        var parts = (type.Namespace ?? "").Split('.');
        return parts.Length > 1 && parts[0] == "Wijkengids" ? parts[1].ToLowerInvariant() : "platform";
    }
}
