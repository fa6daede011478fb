using System.Text.Json;
using Alba;

namespace Wijkengids.Tests.Integration.Infrastructure;

public static class Problem
{
    /// <summary>Asserts an RFC 9457 response with the given status and returns its JSON.</summary>
    public static JsonElement ShouldBeProblem(this IScenarioResult result, int status)
    {
        Assert.Equal(status, result.Context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", result.Context.Response.ContentType);
        var json = result.ReadAsJson<JsonElement>();
        Assert.Equal(status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        return json;
    }

    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, int seconds = 20) where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (value is not null) return value;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Niet binnen {seconds} s: {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>The entries of an audit timeline response (grouped by correlation), in the order given.</summary>
    public static JsonElement[] TimelineEntries(this IScenarioResult result) =>
        result.ReadAsJson<JsonElement>().GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("entries").EnumerateArray()).ToArray();
}
