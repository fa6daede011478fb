using System.Text;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using NpgsqlTypes;
using Wijkengids.Audit.Watch;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Timeline;

/// <summary>A timeline entry as auditors see it: local time, the actor's display name (or "systeem"), the Dutch description.</summary>
public sealed record TimelineEntry(long Position, DateTimeOffset Timestamp, string LocalTime, string Module, string EventType,
    string Description, string StreamId, long Version, string Actor, string ActorName, string? CorrelationId, string? CausationId,
    string? Reason, int? TextRevision = null);

/// <summary>Consecutive entries of one action (same correlation id), e.g. proposal accepted → draft revision → review.</summary>
public sealed record TimelineGroup(string? CorrelationId, IReadOnlyList<TimelineEntry> Entries);

/// <summary>
/// One page. <see cref="OlderBefore"/> / <see cref="NewerAfter"/> are the keyset cursors for the next page in either
/// direction (null when there is nothing more that way).
/// </summary>
public sealed record TimelinePage(IReadOnlyList<TimelineGroup> Groups, int Count, long? OlderBefore, long? NewerAfter,
    ActorErasure? Erasure = null);

/// <summary>The person filtered on was erased (AVG): when, and on whose decision.</summary>
public sealed record ActorErasure(DateTimeOffset ErasedAt, string LocalTime, string ErasedBy, string ErasedByName);

/// <summary>Entries matching <see cref="Filter"/>, newest (or oldest) first, a page at a time (keyset on position).</summary>
public sealed record ReadTimeline(TimelineFilter Filter, bool OldestFirst = false, long? Before = null, long? After = null, int Limit = 50)
    : IRequest<TimelinePage>;

internal sealed class ReadTimelineValidator : AbstractValidator<ReadTimeline>
{
    public ReadTimelineValidator()
    {
        RuleFor(x => x).Must(x => x.Before is null || x.After is null).WithName("before")
            .WithMessage("Geef 'before' of 'after', niet allebei.");
        RuleFor(x => x.Limit).InclusiveBetween(1, 500).WithMessage("Kies een paginagrootte van 1 tot en met 500.");
        RuleFor(x => x.Filter).SetValidator(new TimelineFilterValidator());
    }
}

internal sealed class TimelineFilterValidator : AbstractValidator<TimelineFilter>
{
    public TimelineFilterValidator()
    {
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("De einddatum mag niet vóór de begindatum liggen.");
        foreach (var (field, name) in new (System.Linq.Expressions.Expression<Func<TimelineFilter, string?>>, string)[]
                 {
                     (x => x.Item, "item"), (x => x.About, "het item"), (x => x.Actor, "de actor"), (x => x.Module, "de module"), (x => x.Kind, "de soort"),
                     (x => x.Correlation, "de handeling"),
                 })
        {
            RuleFor(field).MaximumLength(200).WithMessage($"De waarde voor {name} is te lang (hoogstens 200 tekens).");
        }
    }
}

internal sealed class ReadTimelineHandler(IDocumentStore store, IQuerySession session, AuditAccessLog accessLog)
    : IRequestHandler<ReadTimeline, TimelinePage>
{
    public const string Columns =
        "t.seq, t.ts, t.module, t.event_type, t.description, t.stream, t.version, t.actor, t.correlation_id, t.causation_id, t.reason, " +
        "t.text_revision";

    public Task<TimelinePage> Handle(ReadTimeline request, CancellationToken cancellationToken)
    {
        var filter = request.Filter.Normalised();
        return accessLog.WhileRecordingAsync(new AuditTimelineSearched(filter, request.OldestFirst, request.Before, request.After),
            () => ReadAsync(request, filter, cancellationToken), cancellationToken);
    }

    private async Task<TimelinePage> ReadAsync(ReadTimeline request, TimelineFilter filter, CancellationToken cancellationToken)
    {
        // Read in the direction of the cursor; a page reached with "after" is read oldest first and turned round.
        var ascending = request.After is not null || (request.OldestFirst && request.Before is null);
        var rows = await QueryAsync(store, filter, request.Before, request.After, ascending, request.Limit + 1, cancellationToken);
        var more = rows.Count > request.Limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        var cursorGiven = request.Before is not null || request.After is not null;
        var olderExists = ascending ? request.After is not null : more;
        var newerExists = ascending ? more : cursorGiven;
        if (ascending != request.OldestFirst) rows.Reverse();

        var actors = new ActorDirectory(session);
        await actors.LoadAsync(rows.Select(r => r.Actor).Append(filter.Actor ?? IRequestContext.SystemActor), cancellationToken);
        var entries = rows.Select(r => r.ToEntry(actors)).ToList();
        return new TimelinePage(Group(entries), entries.Count,
            olderExists && rows.Count > 0 ? rows.Min(r => r.Position) : null,
            newerExists && rows.Count > 0 ? rows.Max(r => r.Position) : null,
            await ErasureOfAsync(filter.Actor, actors, cancellationToken));
    }

    /// <summary>Rows of audit.timeline matching <paramref name="filter"/>, after the keyset cursor, in seq order.</summary>
    internal static async Task<List<TimelineRow>> QueryAsync(IDocumentStore store, TimelineFilter filter, long? before, long? after,
        bool ascending, int limit, CancellationToken cancellationToken)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        var sql = new StringBuilder($"select {Columns} from {AuditTimelineProjection.Table} t");
        var cursor = new List<string>();
        foreach (var (value, op) in new[] { (before, "<"), (after, ">") })
        {
            if (value is null) continue;
            command.Parameters.Add(new NpgsqlParameter { Value = value.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            cursor.Add($"t.seq {op} ${command.Parameters.Count}");
        }
        filter.AppendWhere(sql, command, "t", [.. cursor]);
        sql.Append(ascending ? " order by t.seq asc" : " order by t.seq desc").Append($" limit {limit}");
        command.CommandText = sql.ToString();
        var rows = new List<TimelineRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows.Add(TimelineRow.Read(reader));
        return rows;
    }

    /// <summary>When the page is about one person who has been erased: when, and on whose decision.</summary>
    private static async Task<ActorErasure?> ErasureOfAsync(string? actor, ActorDirectory actors, CancellationToken cancellationToken)
    {
        if (actor is null || actors.Find(actor) is not { ErasedAt: { } at } erased) return null;
        var by = erased.ErasedBy ?? IRequestContext.SystemActor;
        await actors.LoadAsync([by], cancellationToken);
        return new ActorErasure(at, AmsterdamTime.Format(at), by, actors.NameOf(by));
    }

    private static List<TimelineGroup> Group(IEnumerable<TimelineEntry> entries)
    {
        var groups = new List<TimelineGroup>();
        List<TimelineEntry>? current = null;
        string? correlation = null;
        foreach (var entry in entries)
        {
            if (current is null || entry.CorrelationId is null || entry.CorrelationId != correlation)
            {
                current = [];
                correlation = entry.CorrelationId;
                groups.Add(new TimelineGroup(correlation, current));
            }
            current.Add(entry);
        }
        return groups;
    }

    internal static void MapEndpoints(RouteGroupBuilder audit) =>
        audit.MapGet("/timeline", async (string? item, string? actor, string? module, string? kind, string? correlationId,
                    DateOnly? from, DateOnly? to, string? about, string? order, long? before, long? after, int? limit, IMediator mediator,
                    CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReadTimeline(new TimelineFilter(item, actor, module, kind, correlationId, from, to, about),
                    OldestFirst: string.Equals(order, "oldest", StringComparison.OrdinalIgnoreCase), before, after, limit ?? 50), ct)))
            .WithName("ReadAuditTimeline")
            .WithSummary("Tijdlijn van alle wijzigingen: per item (of alles over een item: about), actor, periode, module of soort (te combineren), nieuwste of oudste " +
                         "eerst (order=newest|oldest), per pagina via before/after; opeenvolgende regels van één handeling gegroepeerd " +
                         "(auditor, beheerder)");
}

/// <summary>One row of audit.timeline as read by <see cref="ReadTimelineHandler.Columns"/>.</summary>
internal sealed record TimelineRow(long Position, DateTimeOffset Timestamp, string Module, string EventType, string Description,
    string Stream, long Version, string Actor, string? CorrelationId, string? CausationId, string? Reason, int? TextRevision)
{
    public static TimelineRow Read(NpgsqlDataReader reader, int offset = 0) => new(
        reader.GetInt64(offset), reader.GetFieldValue<DateTimeOffset>(offset + 1), reader.GetString(offset + 2),
        reader.GetString(offset + 3), reader.GetString(offset + 4), reader.GetString(offset + 5), reader.GetInt64(offset + 6),
        reader.GetString(offset + 7), Nullable(reader, offset + 8), Nullable(reader, offset + 9), Nullable(reader, offset + 10),
        reader.IsDBNull(offset + 11) ? null : reader.GetInt32(offset + 11));

    public const int ColumnCount = 12;

    public TimelineEntry ToEntry(ActorDirectory actors) => new(Position, Timestamp, AmsterdamTime.Format(Timestamp),
        Module, EventType, Description, Stream, Version, Actor, actors.NameOf(Actor), CorrelationId, CausationId, actors.ReasonShown(Actor, Reason),
        TextRevision);

    private static string? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
