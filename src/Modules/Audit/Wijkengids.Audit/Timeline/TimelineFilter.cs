using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Wijkengids.Audit.Timeline;

/// <summary>
/// What an auditor looks for; every part is optional and the parts combine. <see cref="Item"/> is a stream id (a
/// lesson, a proposal, an account…), <see cref="Actor"/> an account id or "system", <see cref="Kind"/> an event type
/// name, <see cref="From"/>/<see cref="To"/> whole days in Europe/Amsterdam (inclusive).
/// </summary>
public sealed record TimelineFilter(
    string? Item = null,
    string? Actor = null,
    string? Module = null,
    string? Kind = null,
    string? Correlation = null,
    DateOnly? From = null,
    DateOnly? To = null)
{
    public static readonly TimelineFilter None = new();

    public TimelineFilter Normalised() => new(Clean(Item), Clean(Actor), Clean(Module), Clean(Kind), Clean(Correlation), From, To);

    /// <summary>The filter in words, for the record of who looked at what ("actor 1f3…, periode 1-11-2026 t/m 30-11-2026").</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Item is not null) parts.Add($"item {Item}");
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
        if (Actor is not null) Add("actor", Actor, NpgsqlDbType.Text);
        if (Module is not null) Add("module", Module, NpgsqlDbType.Text);
        if (Kind is not null) Add("event_type", Kind, NpgsqlDbType.Text);
        if (Correlation is not null) Add("correlation_id", Correlation, NpgsqlDbType.Text);
        if (From is { } from) Add("ts", AmsterdamTime.StartOf(from), NpgsqlDbType.TimestampTz, ">=");
        if (To is { } to) Add("ts", AmsterdamTime.StartOf(to.AddDays(1)), NpgsqlDbType.TimestampTz, "<");
        if (conditions.Count > 0) sql.Append(" where ").AppendJoin(" and ", conditions);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
