using System.Globalization;
using System.Text.Json;
using Marten;

namespace Wijkengids.Tests.Integration.Infrastructure;

/// <summary>Proof by rebuild: a read model thrown away and built again from the events alone must come back the same.</summary>
public static class ReadModels
{
    /// <summary>Every document of <typeparamref name="T"/>, serialized, by id.</summary>
    public static async Task<Dictionary<string, JsonElement>> SnapshotAsync<T>(IDocumentStore store, Func<T, object> id) where T : notnull
    {
        await using var session = store.QuerySession();
        var documents = await session.Query<T>().ToListAsync();
        return documents.ToDictionary(d => id(d).ToString()!, d => JsonSerializer.SerializeToElement(d));
    }

    /// <summary>Deletes every document of <typeparamref name="T"/> and rebuilds it with the projection named <paramref name="projection"/>.</summary>
    public static async Task RebuildAsync<T>(IDocumentStore store, string projection)
    {
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(T));
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(projection, CancellationToken.None);
    }

    /// <summary>
    /// Documents a projection writes that are not built from the events alone, each with its reason. Everything else every
    /// projection of every module publishes must come back the same after a rebuild.
    /// </summary>
    private static readonly Dictionary<string, string> NotFromEventsAlone = new()
    {
        // The page cache's version also moves when another module says what readers see changed (a message, not an event).
        ["GuideVersion"] = "the page cache's version",
    };

    /// <summary>
    /// Proof by rebuild for the whole store: snapshots every document type every projection publishes, deletes them, rebuilds
    /// every projection from the events (Marten's daemon), and shows every document equal. Returns the number of documents compared.
    /// </summary>
    public static async Task<int> AssertEveryProjectionRebuildsAsync(IDocumentStore store)
    {
        var options = ((DocumentStore)store).Options;
        var projections = options.Projections.All
            .Select(p => (p.Name, Types: p.PublishedTypes().Where(t => !NotFromEventsAlone.ContainsKey(t.Name)).Distinct().ToList()))
            .Where(p => p.Types.Count > 0)
            .ToList();
        var types = projections.SelectMany(p => p.Types).Distinct().ToList();
        var before = new Dictionary<Type, Dictionary<string, JsonElement>>();
        foreach (var type in types) before[type] = await RawSnapshotAsync(store, type);

        foreach (var type in types) await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type);
        using (var daemon = await store.BuildProjectionDaemonAsync())
        {
            foreach (var (name, _) in projections) await daemon.RebuildProjectionAsync(name, CancellationToken.None);
        }

        var compared = 0;
        foreach (var type in types)
        {
            var after = await RawSnapshotAsync(store, type);
            Assert.True(before[type].Keys.Order().SequenceEqual(after.Keys.Order()),
                $"{type.Name}: {before[type].Count} documenten, herbouwd {after.Count}");
            foreach (var (id, document) in before[type]) Same(document, after[id], $"{type.Name}/{id}");
            compared += before[type].Count;
        }
        return compared;
    }

    /// <summary>Every stored document of a type as PostgreSQL keeps it (jsonb), by id.</summary>
    private static async Task<Dictionary<string, JsonElement>> RawSnapshotAsync(IDocumentStore store, Type type)
    {
        var table = store.Options.Schema.For(type);
        await using var session = store.QuerySession();
        var rows = await session.AdvancedSql.QueryAsync<string>($"select json_build_object('id', id::text, 'data', data)::text from {table}", CancellationToken.None);
        return rows.Select(r => JsonDocument.Parse(r).RootElement.Clone())
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("data"));
    }

    /// <summary>
    /// The two snapshots hold the same documents with the same values. Moments may differ by a few seconds: an event
    /// stored before it carried its moment is rebuilt with the moment it was stored, which the old code's clock read a
    /// few milliseconds earlier; pages show minutes.
    /// </summary>
    public static void AssertSame(Dictionary<string, JsonElement> expected, Dictionary<string, JsonElement> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (id, document) in expected) Same(document, actual[id], id);
    }

    private static void Same(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind == JsonValueKind.String && actual.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(expected.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var a)
            && DateTimeOffset.TryParse(actual.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var b)
            && expected.GetString()!.Contains('T'))
        {
            Assert.True(Math.Abs((a - b).TotalSeconds) < 5, $"{path}: {a:O} is herbouwd als {b:O}");
            return;
        }
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {expected} is herbouwd als {actual}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(p => p.Name).ToList();
                Assert.Equal(names, actual.EnumerateObject().Select(p => p.Name).ToList());
                foreach (var name in names) Same(expected.GetProperty(name), actual.GetProperty(name), $"{path}.{name}");
                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: {expected} is herbouwd als {actual}");
                for (var i = 0; i < expected.GetArrayLength(); i++) Same(expected[i], actual[i], $"{path}[{i}]");
                break;
            default:
                Assert.True(expected.GetRawText() == actual.GetRawText(), $"{path}: {expected} is herbouwd als {actual}");
                break;
        }
    }
}
