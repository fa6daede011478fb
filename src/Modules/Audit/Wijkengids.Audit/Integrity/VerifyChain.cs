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

/// <param name="LateLinks">Links in the range that the chain took after a link of a higher position: late arrivals such as a
/// tombstone written after a crash (docs/adr/0070). Not a break.</param>
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
    double EventsPerSecond,
    long LateLinks = 0);

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
        // The chain's own order (docs/adr/0070): the links from the first one of a position in the range to the last one.
        var fromLink = await ScalarAsync(connection, $"select coalesce(min(link), 0) from {AuditSchema.HashChain} where seq >= $1", cancellationToken, from);
        var toLink = await ScalarAsync(connection, $"select coalesce(max(link), 0) from {AuditSchema.HashChain} where seq <= $1", cancellationToken, to);
        var notYetChained = await ScalarAsync(connection, $"select count(*) from {AuditSchema.Events} where seq_id > $1", cancellationToken, lastChained);

        var breaks = new List<ChainBreak>();
        long breakCount = 0, checkedCount = 0, lateLinks = 0;
        void Broken(long position, string kind, string explanation)
        {
            breakCount++;
            if (breaks.Count < ListedBreaks) breaks.Add(new ChainBreak(position, kind, explanation));
        }

        var previous = await ChainLinks.HashBeforeAsync(connection, fromLink, cancellationToken);
        string? lastHash = null;
        if (to >= from && fromLink > 0 && toLink >= fromLink)
        {
            var highest = long.MinValue;
            await using (var command = new NpgsqlCommand(
                $"""
                select c.seq, c.hash, c.previous, {StoredEvents.Columns}
                from {AuditSchema.HashChain} c left join {AuditSchema.Events} e on e.seq_id = c.seq
                where c.link between $1 and $2
                order by c.link
                """, connection))
            {
                command.Parameters.AddWithValue(fromLink);
                command.Parameters.AddWithValue(toLink);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    checkedCount++;
                    var sequence = reader.GetInt64(0);
                    var hash = reader.GetString(1);
                    if (sequence < highest) lateLinks++;
                    highest = Math.Max(highest, sequence);
                    if (reader.IsDBNull(3))
                    {
                        Broken(sequence, "verwijderd", "De keten heeft hier een schakel, maar de gebeurtenis ontbreekt in de event store.");
                    }
                    else if (reader.GetString(2) != previous)
                    {
                        Broken(sequence, "keten", "De schakel verwijst niet naar de vorige schakel: de keten zelf is aangepast.");
                    }
                    else if (ChainHash.Compute(previous, StoredEvents.Read(reader, 3).Record) != hash)
                    {
                        Broken(sequence, "gewijzigd",
                            "De opgeslagen gebeurtenis wijkt af van wat bij het vastleggen in de keten is opgenomen.");
                    }
                    previous = lastHash = hash;
                }
            }

            // Rows in the range the chain never took: an insertion, unless the chain still watches their position for a
            // late arrival (then it takes them with its next page).
            await using (var command = new NpgsqlCommand(
                $"""
                select e.seq_id, exists (select 1 from {AuditSchema.ChainGaps} g
                                         where e.seq_id between g.first_seq and g.last_seq and {ChainGaps.Watched("g")})
                from {AuditSchema.Events} e
                where e.seq_id between $1 and $2 and not exists (select 1 from {AuditSchema.HashChain} c where c.seq = e.seq_id)
                """, connection))
            {
                command.Parameters.AddWithValue(from);
                command.Parameters.AddWithValue(to);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (reader.GetBoolean(1))
                    {
                        notYetChained++;
                        continue;
                    }
                    checkedCount++;
                    Broken(reader.GetInt64(0), "toegevoegd",
                        "Deze gebeurtenis staat in de event store maar niet in de keten: ze is later ingevoegd.");
                }
            }
        }
        await CheckCheckpointsAsync(connection, fromLink, toLink, Broken, cancellationToken);

        var ordered = breaks.OrderBy(b => b.Position).ToList();
        var seconds = clock.Elapsed.TotalSeconds;
        return new ChainVerification(breakCount == 0, from, to, checkedCount, breakCount, ordered.FirstOrDefault(), ordered,
            lastHash, notYetChained, Math.Round(seconds, 3), seconds > 0 ? Math.Round(checkedCount / seconds) : 0, lateLinks);
    }

    /// <summary>Every published day checkpoint in the range must still be the hash of its last link.</summary>
    private static async Task CheckCheckpointsAsync(NpgsqlConnection connection, long fromLink, long toLink, Action<long, string, string> broken,
        CancellationToken cancellationToken)
    {
        // A checkpoint whose link is gone altogether counts wherever its position lies between the range's links.
        await using var command = new NpgsqlCommand(
            $"""
            select p.last_seq, p.day from {AuditSchema.Checkpoints} p
            left join {AuditSchema.HashChain} c on c.seq = p.last_seq
            where c.hash is distinct from p.hash
              and (c.link between $1 and $2
                   or c.link is null and p.last_seq between (select min(seq) from {AuditSchema.HashChain} where link between $1 and $2)
                                                        and (select max(seq) from {AuditSchema.HashChain} where link between $1 and $2))
            """, connection);
        command.Parameters.AddWithValue(fromLink);
        command.Parameters.AddWithValue(toLink);
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
            .WithSummary("Hashketen controleren: herberekent de keten uit de event store (geheel of een bereik) en noemt de eerste breuk (auditor, beheerder)");
}
