using System.Text;
using Npgsql;
using NpgsqlTypes;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Timeline;

/// <summary>
/// What an auditor looks for; every part is optional and the parts combine. <see cref="Item"/> is a stream id (a
/// lesson, a proposal, an account…), <see cref="Actor"/> an account id or "system", <see cref="Kind"/> an event type
/// name, <see cref="From"/>/<see cref="To"/> whole days in Europe/Amsterdam (inclusive), <see cref="About"/> an item
/// id: its own events and every event of another item that mentions it (e.g. the edition that lists a lesson).
/// </summary>
public sealed record TimelineFilter(
    string? Item = null,
    string? Actor = null,
    string? Module = null,
    string? Kind = null,
    string? Correlation = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? About = null)
{
    public static readonly TimelineFilter None = new();

    public TimelineFilter Normalised() => new(Clean(Item), Clean(Actor), Clean(Module), Clean(Kind), Clean(Correlation), From, To, Clean(About));

    /// <summary>The filter in words, for the record of who looked at what ("actor 1f3…, periode 1-11-2026 t/m 30-11-2026").</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Item is not null) parts.Add($"item {Item}");
        if (About is not null) parts.Add($"alles over {About}");
        if (Actor is not null) parts.Add($"actor {Actor}");
        if (Module is not null) parts.Add($"module {Module}");
        if (Kind is not null) parts.Add($"soort {Kind}");
        if (Correlation is not null) parts.Add($"handeling {Correlation}");
        if (From is not null || To is not null)
        {
            parts.Add($"periode {From?.ToString("d-M-yyyy") ?? "begin"} t/m {To?.ToString("d-M-yyyy") ?? "nu"}");
        }
        return parts.Count == 0 ? "alles" : string.Join(", ", parts);
    }

    /// <summary>
    /// Appends "where …" over the table aliased <paramref name="alias"/> to <paramref name="sql"/>, with its
    /// parameters added to <paramref name="command"/>; <paramref name="extra"/> conditions are and-ed in.
    /// </summary>
    internal void AppendWhere(StringBuilder sql, NpgsqlCommand command, string alias, params string[] extra)
    {
        var conditions = new List<string>(extra);
        void Add(string column, object value, NpgsqlDbType type, string op = "=")
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
            conditions.Add($"{alias}.{column} {op} ${command.Parameters.Count}");
        }
        if (Item is not null) Add("stream", Item, NpgsqlDbType.Text);
        if (About is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = About, NpgsqlDbType = NpgsqlDbType.Text });
            var own = $"{alias}.stream = ${command.Parameters.Count}";
            if (Guid.TryParse(About, out var id))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = new[] { id }, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
                conditions.Add($"({own} or ({alias}.mentions is not null and {alias}.mentions @> ${command.Parameters.Count}))");
            }
            else conditions.Add(own);
        }
        if (Actor is not null) Add("actor", Actor, NpgsqlDbType.Text);
        if (Module is not null) Add("module", Module, NpgsqlDbType.Text);
        if (Kind is { } kind)
        {
            // A kind by its stable name ("community.account_role_granted"), or by the bare name it had before the module
            // prefixes ("account_role_granted"), which still finds it in every module (docs/adr/0090).
            string[] kinds = EventTypeNames.ModuleOf(kind) is not null ? [kind] : [kind, .. ModuleNames.Select(m => EventTypeNames.NameOf(m, kind))];
            command.Parameters.Add(new NpgsqlParameter { Value = kinds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            conditions.Add($"{alias}.event_type = any(${command.Parameters.Count})");
        }
        if (Correlation is not null) Add("correlation_id", Correlation, NpgsqlDbType.Text);
        if (From is { } from) Add("ts", AmsterdamTime.StartOf(from), NpgsqlDbType.TimestampTz, ">=");
        if (To is { } to) Add("ts", AmsterdamTime.StartOf(to.AddDays(1)), NpgsqlDbType.TimestampTz, "<");
        // The day checkpoints of the hash chain know each Amsterdam day's first and last position: they bound the
        // positions of a period, so paging a period is a short primary-key range instead of a scan from the newest
        // event back (ADR 31). The bounds only narrow; the conditions on ts above decide. An upper bound is used only
        // for periods that end before the newest checkpoint day (today's events may not be chained yet).
        if (From is { } lower)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = lower, NpgsqlDbType = NpgsqlDbType.Date });
            conditions.Add($"{alias}.seq >= coalesce((select min(c.first_seq) from {AuditSchema.Checkpoints} c where c.day >= ${command.Parameters.Count}), 0)");
        }
        if (To is { } upper)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = upper, NpgsqlDbType = NpgsqlDbType.Date });
            var day = $"${command.Parameters.Count}";
            conditions.Add($"{alias}.seq <= coalesce((select max(c.last_seq) from {AuditSchema.Checkpoints} c where c.day <= {day} " +
                           $"and {day} < (select max(n.day) from {AuditSchema.Checkpoints} n)), {long.MaxValue})");
        }
        if (conditions.Count > 0) sql.Append(" where ").AppendJoin(" and ", conditions);
    }

    /// <summary>The modules whose events carry a module prefix.</summary>
    internal static readonly string[] ModuleNames = ["content", "contributions", "community", "workshops", "audit"];

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
