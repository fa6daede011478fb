using System.Text.Json;

namespace Wijkengids.Audit.Timeline;

/// <summary>
/// The ids an event's data mentions besides its own stream: the proposal a revision came from, the person who
/// proposed it (also inside sealed values), the items an edition lists. Generic over every module's events (the JSON
/// of the data, any value that is a GUID), so the audit can follow provenance without knowing the event types.
/// </summary>
internal static class Mentions
{
    private const int Maximum = 32;

    /// <summary>The event's data as JSON (as the audit reads shapes), or null when it cannot be serialised.</summary>
    public static JsonElement? Json(object data)
    {
        try
        {
            return JsonSerializer.SerializeToElement(data, data.GetType());
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public static Guid[] Of(JsonElement? data, Guid ownStream)
    {
        if (data is not { } json) return [];
        var found = new HashSet<Guid>();
        Walk(json, found);
        found.Remove(ownStream);
        found.Remove(Guid.Empty);
        return found.Take(Maximum).ToArray();
    }

    private static void Walk(JsonElement element, HashSet<Guid> found)
    {
        if (found.Count > Maximum) return;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Walk(property.Value, found);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Walk(item, found);
                break;
            case JsonValueKind.String:
                var text = element.GetString();
                if (text is { Length: 36 } && Guid.TryParseExact(text, "D", out var id)) found.Add(id);
                break;
        }
    }
}
