using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;

namespace Wijkengids.Audit.Integrity;

/// <summary>
/// The root hash of a day (Europe/Amsterdam): the chain hash of the last event of that day, which covers every
/// event before it. <see cref="Closed"/> is false for today, whose checkpoint still moves.
/// </summary>
public sealed record Checkpoint(DateOnly Day, long FirstPosition, long LastPosition, long Events, string Hash, bool Closed);

public sealed record CheckpointPage(IReadOnlyList<Checkpoint> Checkpoints, DateOnly? Older);

/// <summary>Day checkpoints, newest first, before <see cref="Before"/> (keyset paging).</summary>
public sealed record ListCheckpoints(DateOnly? Before, int Limit) : IRequest<CheckpointPage>;

internal sealed class ListCheckpointsHandler(IDocumentStore store, TimeProvider clock) : IRequestHandler<ListCheckpoints, CheckpointPage>
{
    public async Task<CheckpointPage> Handle(ListCheckpoints request, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(request.Limit, 1, 366);
        var today = AmsterdamTime.Day(clock.GetUtcNow());
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            select day, first_seq, last_seq, events, hash from {AuditSchema.Checkpoints}
            where $1::date is null or day < $1::date order by day desc limit $2
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = request.Before is { } before ? before : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
        command.Parameters.AddWithValue(limit + 1);
        var list = new List<Checkpoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var day = reader.GetFieldValue<DateOnly>(0);
            list.Add(new Checkpoint(day, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4), day < today));
        }
        var more = list.Count > limit;
        if (more) list.RemoveAt(list.Count - 1);
        return new CheckpointPage(list, more ? list[^1].Day : null);
    }

    internal static void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/audit/checkpoints", async (DateOnly? before, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListCheckpoints(before, limit ?? 31), ct)))
            .WithTags("Audit")
            .AllowAnonymous()
            .WithName("ListAuditCheckpoints")
            .WithSummary("Ijkpunten van de hashketen per dag (openbaar, zodat buitenstaanders kopieën kunnen bewaren)");
}
