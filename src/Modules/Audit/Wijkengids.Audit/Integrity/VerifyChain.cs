using System.Diagnostics;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Wijkengids.Audit.Watch;

namespace Wijkengids.Audit.Integrity;

/// <summary>Recompute the chain from the event store, for all of it or the positions <see cref="From"/>..<see cref="To"/>.</summary>
public sealed record VerifyChain(long? From, long? To) : IRequest<ChainVerification>;

/// <summary>One place where the stored events and the chain disagree.</summary>
/// <param name="Kind">"gewijzigd", "verwijderd", "toegevoegd", "keten" or "ijkpunt".</param>
public sealed record ChainBreak(long Position, string Kind, string Explanation);

public sealed record ChainVerification(
    bool Intact,
    long From,
    long To,
    long Checked,
    long BreakCount,
    ChainBreak? FirstBreak,
    IReadOnlyList<ChainBreak> Breaks,
    string? LastHash,
    long NotYetChained,
    double Seconds,
    double EventsPerSecond);

internal sealed class VerifyChainValidator : AbstractValidator<VerifyChain>
{
    public VerifyChainValidator()
    {
        RuleFor(x => x.From).GreaterThanOrEqualTo(1).When(x => x.From is not null).WithMessage("De eerste positie is 1 of hoger.");
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From ?? 1).When(x => x.To is not null)
            .WithMessage("De laatste positie mag niet vóór de eerste liggen.");
    }
}

internal sealed class VerifyChainHandler(IDocumentStore store, AuditAccessLog accessLog) : IRequestHandler<VerifyChain, ChainVerification>
{
    /// <summary>At most this many breaks are listed; all are counted.</summary>
    private const int ListedBreaks = 100;

    public async Task<ChainVerification> Handle(VerifyChain request, CancellationToken cancellationToken)
    {
        await accessLog.RecordAsync(new AuditChainVerified(request.From, request.To), cancellationToken);
        var clock = Stopwatch.StartNew();
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var lastChained = await ScalarAsync(connection, $"select coalesce(max(seq), 0) from {AuditSchema.HashChain}", cancellationToken);
        var from = request.From ?? 1;
        var to = Math.Min(request.To ?? lastChained, lastChained);
        var notYetChained = await ScalarAsync(connection, $"select count(*) from {AuditSchema.Events} where seq_id > $1", cancellationToken, lastChained);

        var breaks = new List<ChainBreak>();
        long breakCount = 0, checkedCount = 0;
        void Broken(long position, string kind, string explanation)
        {
            breakCount++;
            if (breaks.Count < ListedBreaks) breaks.Add(new ChainBreak(position, kind, explanation));
        }

        var previous = await ChainLinks.HashBeforeAsync(connection, from, cancellationToken);
        string? lastHash = null;
        if (to >= from)
        {
            await using var command = new NpgsqlCommand(
                $"""
                select c.seq, c.hash, c.previous, {StoredEvents.Columns}
                from (select * from {AuditSchema.HashChain} where seq between $1 and $2) c
                full outer join (select * from {AuditSchema.Events} where seq_id between $1 and $2) e on e.seq_id = c.seq
                order by coalesce(c.seq, e.seq_id)
                """, connection);
            command.Parameters.AddWithValue(from);
            command.Parameters.AddWithValue(to);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                checkedCount++;
                var hasLink = !reader.IsDBNull(0);
                var hasEvent = !reader.IsDBNull(3);
                if (!hasEvent)
                {
                    Broken(reader.GetInt64(0), "verwijderd",
                        "De keten heeft hier een schakel, maar de gebeurtenis ontbreekt in de event store.");
                    previous = lastHash = reader.GetString(1);
                    continue;
                }
                var stored = StoredEvents.Read(reader, 3);
                if (!hasLink)
                {
                    Broken(stored.Record.Sequence, "toegevoegd",
                        "Deze gebeurtenis staat in de event store maar niet in de keten: ze is later ingevoegd.");
                    continue;
                }
                var hash = reader.GetString(1);
                if (reader.GetString(2) != previous)
                {
                    Broken(stored.Record.Sequence, "keten",
                        "De schakel verwijst niet naar de vorige schakel: de keten zelf is aangepast.");
                }
                else if (ChainHash.Compute(previous, stored.Record) != hash)
                {
                    Broken(stored.Record.Sequence, "gewijzigd",
                        "De opgeslagen gebeurtenis wijkt af van wat bij het vastleggen in de keten is opgenomen.");
                }
                previous = lastHash = hash;
            }
        }
        await CheckCheckpointsAsync(connection, from, to, Broken, cancellationToken);

        var ordered = breaks.OrderBy(b => b.Position).ToList();
        var seconds = clock.Elapsed.TotalSeconds;
        return new ChainVerification(breakCount == 0, from, to, checkedCount, breakCount, ordered.FirstOrDefault(), ordered,
            lastHash, notYetChained, Math.Round(seconds, 3), seconds > 0 ? Math.Round(checkedCount / seconds) : 0);
    }

    /// <summary>Every published day checkpoint in the range must still be the hash of its last link.</summary>
    private static async Task CheckCheckpointsAsync(NpgsqlConnection connection, long from, long to, Action<long, string, string> broken,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select p.last_seq, p.day from {AuditSchema.Checkpoints} p
            left join {AuditSchema.HashChain} c on c.seq = p.last_seq
            where p.last_seq between $1 and $2 and c.hash is distinct from p.hash
            """, connection);
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            broken(reader.GetInt64(0), "ijkpunt",
                $"Het ijkpunt van {AmsterdamTime.LongDate(reader.GetFieldValue<DateOnly>(1))} klopt niet meer met de keten.");
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.AddWithValue(value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    internal static void MapEndpoints(RouteGroupBuilder audit) =>
        audit.MapGet("/verify", async (long? from, long? to, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new VerifyChain(from, to), ct)))
            .WithName("VerifyAuditChain")
            .WithSummary("Hashketen controleren: herberekent de keten uit de event store (geheel of een bereik) en noemt de eerste breuk (auditor, beheerder)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
}
