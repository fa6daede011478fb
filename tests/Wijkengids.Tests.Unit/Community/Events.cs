namespace Wijkengids.Tests.Unit.Community;

/// <summary>Applies events to an aggregate the way Marten does when it rebuilds it: by its Apply method for the event's type.</summary>
internal static class Events
{
    public static T Applied<T>(this T aggregate, params IEnumerable<object?> events) where T : class
    {
        foreach (var e in events.OfType<object>())
        {
            var apply = typeof(T).GetMethod("Apply", [e.GetType()]) ?? throw new ArgumentException($"{typeof(T).Name} heeft geen Apply({e.GetType().Name})");
            apply.Invoke(aggregate, [e]);
        }
        return aggregate;
    }
}
