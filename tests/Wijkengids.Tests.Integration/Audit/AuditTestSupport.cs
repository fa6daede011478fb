using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Audit;

/// <summary>Steps the audit tests share: make some history, wait for the async read side, touch the database directly.</summary>
internal static class AuditTestSupport
{
    /// <summary>The admin opens an account; waits until every message it sends (the name for Audit) has been handled.</summary>
    public static async Task<Guid> OpenAccountAsync(this IAlbaHost host, string admin, string name, string[] roles,
        string? reason = null, string? correlation = null)
    {
        var email = $"{Guid.NewGuid():N}@example.nl";
        var created = (await host.TrackedAsync(() => host.Scenario(s =>
        {
            s.Post.Json(new { email, displayName = name, password = "een-lang-wachtwoord", roles, reason }).ToUrl("/api/community/accounts");
            s.As(admin);
            if (correlation is not null) s.WithRequestHeader("X-Correlation-Id", correlation);
            s.StatusCodeShouldBe(201);
        }))).ReadAsJson<JsonElement>();
        return Guid.Parse(created.GetProperty("id").GetString()!);
    }

    public static async Task<long> LastSequenceAsync(this IAlbaHost host) =>
        await host.ScalarAsync<long>("select coalesce(max(seq_id), 0) from events.mt_events");

    /// <summary>Sequence numbers of a stream's events, in order.</summary>
    public static async Task<long[]> SequencesOfAsync(this IAlbaHost host, Guid stream)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(stream);
        return events.Select(e => e.Sequence).ToArray();
    }

    /// <summary>Verification once the daemon has chained every event stored so far; it must cover <paramref name="position"/>.</summary>
    public static async Task<JsonElement> VerifiedThroughAsync(this IAlbaHost host, string auditor, long position, string query = "")
    {
        await host.ProjectionsCaughtUpAsync();
        var json = (await host.Scenario(s => { s.Get.Url("/api/audit/verify" + query); s.As(auditor); })).ReadAsJson<JsonElement>();
        Assert.True(json.GetProperty("to").GetInt64() >= position, $"De hashketen komt niet tot positie {position}: {json}");
        return json;
    }

    public static async Task<int> ExecuteAsync(this IAlbaHost host, string sql, params object[] values)
    {
        await using var connection = await OpenAsync(host);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.AddWithValue(value);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(this IAlbaHost host, string sql, params object[] values)
    {
        await using var connection = await OpenAsync(host);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.AddWithValue(value);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<NpgsqlConnection> OpenAsync(IAlbaHost host)
    {
        var connection = (NpgsqlConnection)host.Services.GetRequiredService<IDocumentStore>().Storage.Database.CreateConnection();
        await connection.OpenAsync();
        return connection;
    }
}

/// <summary>A page of the API timeline, flattened.</summary>
internal sealed record TimelineResult(JsonElement Page, JsonElement[] Entries)
{
    public long? OlderBefore => Page.GetProperty("olderBefore").ValueKind == JsonValueKind.Null ? null : Page.GetProperty("olderBefore").GetInt64();
    public long? NewerAfter => Page.GetProperty("newerAfter").ValueKind == JsonValueKind.Null ? null : Page.GetProperty("newerAfter").GetInt64();
    public long[] Positions => Entries.Select(e => e.GetProperty("position").GetInt64()).ToArray();
    public string[] Descriptions => Entries.Select(e => e.GetProperty("description").GetString()!).ToArray();
}

internal static class TimelineSupport
{
    public static async Task<TimelineResult> TimelineAsync(this IAlbaHost host, string auditor, string query)
    {
        var page = (await host.Scenario(s => { s.Get.Url("/api/audit/timeline?" + query); s.As(auditor); })).ReadAsJson<JsonElement>();
        var entries = page.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("entries").EnumerateArray()).ToArray();
        return new TimelineResult(page, entries);
    }

    /// <summary>
    /// The timeline for <paramref name="query"/> once the daemon has projected every event stored so far (the projection is
    /// asynchronous); <paramref name="ready"/> must then hold.
    /// </summary>
    public static async Task<TimelineResult> TimelineWhenAsync(this IAlbaHost host, string auditor, string query, Func<TimelineResult, bool> ready)
    {
        await host.ProjectionsCaughtUpAsync();
        var timeline = await host.TimelineAsync(auditor, query);
        Assert.True(ready(timeline), $"De tijdlijn voor '{query}' is niet zoals verwacht: {timeline.Page}");
        return timeline;
    }
}
