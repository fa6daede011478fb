using JasperFx.Events;
using Marten;
using Marten.Events.Daemon;
using Marten.Events.Projections;
using Weasel.Postgresql.Tables;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Timeline;

/// <summary>
/// Async projection over every module's events into the table audit.timeline (one row per event, keyed by its
/// global position). Nobody writes to it directly; a rebuild empties and refills it from the event store.
/// </summary>
public sealed class AuditTimelineProjection : EventProjection
{
    public const string Table = AuditSchema.Name + ".timeline";
    public AuditTimelineProjection()
    {
        Name = "AuditTimeline";
        var timeline = new Table(Table);
        timeline.AddColumn<long>("seq").AsPrimaryKey();
        timeline.AddColumn<Guid>("event_id").NotNull();
        timeline.AddColumn("stream", "text").NotNull();
        timeline.AddColumn<long>("version").NotNull();
        timeline.AddColumn("module", "text").NotNull();
        timeline.AddColumn("event_type", "text").NotNull();
        timeline.AddColumn("description", "text").NotNull();
        timeline.AddColumn("ts", "timestamptz").NotNull();
        timeline.AddColumn("actor", "text").NotNull();
        timeline.AddColumn("correlation_id", "text");
        timeline.AddColumn("causation_id", "text");
        timeline.AddColumn("reason", "text");
        // Keyset paging per filter: each index ends in seq, so "newest 50 of X" is one index range scan.
        foreach (var column in new[] { "stream", "actor", "module", "event_type", "correlation_id" })
        {
            timeline.Indexes.Add(new IndexDefinition($"ix_timeline_{column}_seq") { Columns = [column, "seq"] });
        }
        timeline.Indexes.Add(new IndexDefinition("ix_timeline_ts") { Columns = ["ts"] });
        SchemaObjects.Add(timeline);

        Options.DeleteDataInTableOnTeardown(Table);
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        var module = ModuleOf(e.EventType);
        var description = DescriptionOf(e);
        operations.QueueSqlCommand(
            $"""
            insert into {Table} (seq, event_id, stream, version, module, event_type, description, ts, actor, correlation_id, causation_id, reason)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (seq) do update set event_id = excluded.event_id, stream = excluded.stream, version = excluded.version,
                module = excluded.module, event_type = excluded.event_type, description = excluded.description, ts = excluded.ts,
                actor = excluded.actor, correlation_id = excluded.correlation_id, causation_id = excluded.causation_id, reason = excluded.reason
            """,
            e.Sequence, e.Id, e.StreamKey ?? e.StreamId.ToString(), e.Version, module, e.EventTypeName, description, e.Timestamp,
            ActorOf(e), (object?)e.CorrelationId ?? DBNull.Value, (object?)e.CausationId ?? DBNull.Value, (object?)ReasonOf(e) ?? DBNull.Value);
        return ValueTask.CompletedTask;
    }

    internal static string DescriptionOf(IEvent e) => e.Data is IDescribedEvent described ? described.Describe() : e.EventTypeName;

    internal static string ActorOf(IEvent e) => string.IsNullOrEmpty(e.UserName) ? IRequestContext.SystemActor : e.UserName;

    internal static string? ReasonOf(IEvent e) =>
        e.Headers is not null && e.Headers.TryGetValue(MetadataHeaders.Reason, out var reason) ? reason?.ToString() : null;

    /// <summary>Wijkengids.Community.Accounts.AccountOpened → "community".</summary>
    internal static string ModuleOf(Type type)
    {
        var parts = (type.Namespace ?? "").Split('.');
        return parts.Length > 1 && parts[0] == "Wijkengids" ? parts[1].ToLowerInvariant() : "platform";
    }
}
