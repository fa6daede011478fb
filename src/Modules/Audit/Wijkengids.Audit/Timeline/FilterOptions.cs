using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Timeline;

public sealed record KindOption(string EventType, string Module, string Example);

public sealed record ActorOption(string Id, string Name);

/// <summary>What the filters can choose from: the modules and kinds of change that occur, and the known actors.</summary>
public sealed record TimelineFilterOptions(IReadOnlyList<string> Modules, IReadOnlyList<KindOption> Kinds, IReadOnlyList<ActorOption> Actors);

public sealed record GetTimelineFilterOptions : IRequest<TimelineFilterOptions>;

internal sealed class GetTimelineFilterOptionsHandler(IDocumentStore store, IQuerySession session)
    : IRequestHandler<GetTimelineFilterOptions, TimelineFilterOptions>
{
    public async Task<TimelineFilterOptions> Handle(GetTimelineFilterOptions request, CancellationToken cancellationToken)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var modules = new List<string>();
        await foreach (var row in DistinctAsync(connection, "module", "", "", cancellationToken)) modules.Add(row[0]);
        var kinds = new List<KindOption>();
        // The newest event of each kind by max(seq) on the (event_type, seq) index: an "order by seq limit 1" lets the
        // planner walk the primary key backwards through every other kind instead.
        await foreach (var row in DistinctAsync(connection, "event_type", ", t.module, t.description",
                           $" cross join lateral (select max(x.seq) as s from {AuditTimelineProjection.Table} x where x.event_type = k.v) m " +
                           $"join {AuditTimelineProjection.Table} t on t.seq = m.s", cancellationToken))
        {
            kinds.Add(new KindOption(row[0], row[1], row[2]));
        }
        var actors = (await session.Query<ActorName>().ToListAsync(cancellationToken))
            .Select(a => new ActorOption(a.Id, a.ErasedAt is null ? a.DisplayName : $"{ActorName.ErasedLabel} ({a.Id[..Math.Min(8, a.Id.Length)]})"))
            .OrderBy(a => a.Name, StringComparer.CurrentCulture)
            .Prepend(new ActorOption(IRequestContext.SystemActor, ActorName.SystemLabel))
            .ToList();
        return new TimelineFilterOptions(modules, kinds.OrderBy(k => k.Module).ThenBy(k => k.Example).ToList(), actors);
    }

    /// <summary>
    /// The distinct values of an indexed column by a loose index scan (one index probe per value), so that this stays
    /// fast at millions of rows; <paramref name="columns"/> and <paramref name="joins"/> add data per value (alias k.v).
    /// </summary>
    private static async IAsyncEnumerable<string[]> DistinctAsync(NpgsqlConnection connection, string column, string columns, string joins,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = AuditTimelineProjection.Table;
        await using var command = new NpgsqlCommand(
            $"""
            with recursive k(v) as (
                (select {column} from {table} order by {column} limit 1)
                union all
                select (select {column} from {table} where {column} > k.v order by {column} limit 1) from k where k.v is not null)
            select k.v{columns} from k{joins} where k.v is not null order by k.v
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.GetString(i);
            yield return row;
        }
    }

    internal static void MapEndpoints(RouteGroupBuilder audit) =>
        audit.MapGet("/filters", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetTimelineFilterOptions(), ct)))
            .WithName("GetAuditFilterOptions")
            .WithSummary("Keuzes voor de filters van de tijdlijn: modules, soorten wijzigingen en bekende actoren (auditor, beheerder)");
}
