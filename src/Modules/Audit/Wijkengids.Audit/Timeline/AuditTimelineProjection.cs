using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Weasel.Postgresql.Tables;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Timeline;

/// <summary>
/// Async projection over every module's events into the table audit.timeline (one row per event, keyed by its
/// global position), a whole daemon page per statement. Nobody writes to it directly; a rebuild empties and refills
/// it from the event store.
/// </summary>
public sealed class AuditTimelineProjection : IProjection
{
    public const string ProjectionName = "AuditTimeline";
    public const string Table = AuditSchema.Name + ".timeline";

    /// <summary>Marten's placeholder for the positions of an append that failed.</summary>
    public const string TombstoneType = "tombstone";

    public static Table Definition()
    {
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
        timeline.AddColumn("mentions", "uuid[]");
        // The revision whose text this event wrote (a draft, an intake, a restore), for the link to its text and diff (ADR 35).
        timeline.AddColumn("text_revision", "integer");
        // Keyset paging per filter: each index ends in seq, so "newest 50 of X" is one index range scan.
        foreach (var column in new[] { "stream", "actor", "module", "event_type", "correlation_id" })
        {
            timeline.Indexes.Add(new IndexDefinition($"ix_timeline_{column}_seq") { Columns = [column, "seq"] });
        }
        timeline.Indexes.Add(new IndexDefinition("ix_timeline_ts") { Columns = ["ts"] });
        // Provenance: which events of other items mention this one (ADR 35).
        // Partial: most events mention nothing, and a GIN index would otherwise hold an entry for every one of them.
        timeline.Indexes.Add(new IndexDefinition("ix_timeline_mentions")
        {
            Columns = ["mentions"], Method = IndexMethod.gin, Predicate = "mentions is not null",
        });
        return timeline;
    }

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (events.Count == 0) return Task.CompletedTask;
        var n = events.Count;
        var (seq, ids, streams, versions, modules, types, descriptions, timestamps, actors, correlations, causations, reasons) =
            (new long[n], new Guid[n], new string[n], new long[n], new string[n], new string[n], new string[n], new DateTimeOffset[n],
                new string[n], new string?[n], new string?[n], new string?[n]);
        // One text per event ("{id,id}" or null): a jagged uuid[][] is no PostgreSQL array.
        var mentions = new string?[n];
        var textRevisions = new int?[n];
        DateTimeOffset? lastKnown = null;
        for (var i = 0; i < n; i++)
        {
            var e = events[i];
            // A tombstone (timestamp -infinity) is shown at the time of the event before it, or when it is projected.
            var timestamp = AmsterdamTime.IsUnknown(e.Timestamp) ? lastKnown ?? DateTimeOffset.UtcNow : e.Timestamp;
            lastKnown = timestamp;
            seq[i] = e.Sequence;
            ids[i] = e.Id;
            streams[i] = e.StreamKey ?? e.StreamId.ToString();
            versions[i] = e.Version;
            var module = ModuleOf(operations, e);
            modules[i] = e.Data is Demo.IDemoEvent demo ? "demo-" + demo.StandsInFor : module;
            types[i] = KindOf(e.EventTypeName, module);
            descriptions[i] = e.Data is IDescribedEvent described ? described.Describe()
                : e.EventTypeName == TombstoneType ? "Lege positie: een opslag is mislukt en teruggedraaid (tombstone)"
                : e.EventTypeName;
            timestamps[i] = timestamp.ToUniversalTime();
            actors[i] = string.IsNullOrEmpty(e.UserName) ? IRequestContext.SystemActor : e.UserName;
            correlations[i] = e.CorrelationId;
            causations[i] = e.CausationId;
            var json = e.Data is Watch.IAuditLook ? null : Mentions.Json(e.Data);
            var mentioned = Mentions.Of(json, e.StreamId);
            textRevisions[i] = e.Data is IRevisionWritten written ? written.Revision : null;
            mentions[i] = mentioned.Length == 0 ? null : "{" + string.Join(',', mentioned) + "}";
            reasons[i] = e.Headers is not null && e.Headers.TryGetValue(MetadataHeaders.Reason, out var reason) ? reason?.ToString() : null;
        }
        operations.QueueSqlCommand(
            $"""
            insert into {Table} (seq, event_id, stream, version, module, event_type, description, ts, actor, correlation_id, causation_id, reason,
                mentions, text_revision)
            select seq, event_id, stream, version, module, event_type, description, ts, actor, correlation_id, causation_id, reason,
                mentions::uuid[], text_revision
            from unnest(?::bigint[], ?::uuid[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::text[], ?::integer[])
                as r(seq, event_id, stream, version, module, event_type, description, ts, actor, correlation_id, causation_id, reason, mentions,
                    text_revision)
            on conflict (seq) do update set event_id = excluded.event_id, stream = excluded.stream, version = excluded.version,
                module = excluded.module, event_type = excluded.event_type, description = excluded.description, ts = excluded.ts,
                actor = excluded.actor, correlation_id = excluded.correlation_id, causation_id = excluded.causation_id, reason = excluded.reason,
                mentions = excluded.mentions, text_revision = excluded.text_revision
            """,
            seq, ids, streams, versions, modules, types, descriptions, timestamps, actors, correlations, causations, reasons, mentions,
            textRevisions);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The kind of event as the timeline lists it: its stable name ("contributions.reaction_received"), also for an event
    /// stored under the bare name it had before the prefixes, so one kind is one filter (docs/adr/0090).
    /// </summary>
    internal static string KindOf(string storedName, string module) =>
        EventTypeNames.ModuleOf(storedName) is not null || module == "platform" ? storedName : EventTypeNames.NameOf(module, storedName);

    /// <summary>
    /// The module an event belongs to: the prefix of its stable name ("community.account_opened" → "community"), also for
    /// an event stored under its bare name before the prefixes (then the name its type is registered under now). An event
    /// no module registered (Marten's tombstone) is the platform's.
    /// </summary>
    internal static string ModuleOf(IDocumentOperations operations, IEvent e) =>
        EventTypeNames.ModuleOf(e.EventTypeName)
        ?? (e.EventTypeName == TombstoneType ? null
            : EventTypeNames.ModuleOf(((DocumentStore)operations.DocumentStore).Events.EventMappingFor(e.EventType).EventTypeName))
        ?? "platform";
}
