using Marten;
using Marten.Events;
using Wijkengids.Host;
using Wijkengids.SharedKernel;

namespace Wijkengids.Tests.Architecture;

/// <summary>
/// The name an event is stored under is part of the history (the hash chain covers it): a class rename must not change
/// it unnoticed. EventTypeNames.txt pins every event type's stored name; a change to it is a decision, with an alias for
/// what is stored already (docs/adr/0090).
/// </summary>
public sealed class EventTypeNameTests
{
    private static IReadOnlyList<string> Registered()
    {
        var options = new StoreOptions();
        foreach (var module in Modules.All) module.ConfigureMarten(options);
        var events = (EventGraph)options.Events;
        return Modules.All
            .SelectMany(m => EventTypeNames.EventTypesOf(m.GetType().Assembly).Select(t => $"{events.EventMappingFor(t).EventTypeName} {t.FullName}"))
            .Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void Every_event_type_is_stored_under_its_pinned_name()
    {
        var pinned = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "EventTypeNames.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var registered = Registered();
        Assert.True(pinned.SequenceEqual(registered),
            "Opgeslagen namen van gebeurtenissen zijn veranderd. Nieuw of anders:\n" + string.Join("\n", registered.Except(pinned)) +
            "\nVerdwenen:\n" + string.Join("\n", pinned.Except(registered)));
    }

    [Fact]
    public void Every_event_type_name_starts_with_its_modules_name()
    {
        foreach (var module in Modules.All)
        {
            var options = new StoreOptions();
            module.ConfigureMarten(options);
            var events = (EventGraph)options.Events;
            foreach (var type in EventTypeNames.EventTypesOf(module.GetType().Assembly))
            {
                Assert.StartsWith(module.Name + ".", events.EventMappingFor(type).EventTypeName);
            }
        }
    }
}
