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

    /// <summary>The entries of an audit timeline response (grouped by correlation), in the order given.</summary>
    public static JsonElement[] TimelineEntries(this IScenarioResult result) =>
        result.ReadAsJson<JsonElement>().GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("entries").EnumerateArray()).ToArray();
}
