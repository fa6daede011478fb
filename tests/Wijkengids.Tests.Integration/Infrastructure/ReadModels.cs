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
