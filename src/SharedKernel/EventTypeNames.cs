using System.Reflection;
using Marten;
using Marten.Events;

namespace Wijkengids.SharedKernel;

/// <summary>
/// Stable, module-prefixed names for every event type: "contributions.reaction_received". The name is what the event
/// store keeps and what the hash chain covers, so it must not follow a class rename by accident: a test pins every name.
/// Events stored before the prefix (by the class name alone, "reaction_received") keep their stored name and load
/// through an alias (docs/adr/0090).
/// </summary>
public static class EventTypeNames
{
    /// <summary>
    /// Registers every event type of <paramref name="assembly"/> (the public types that describe themselves,
    /// <see cref="IDescribedEvent"/>) under "<paramref name="module"/>.&lt;class name in snake case&gt;", with the bare
    /// class-name form as an alias for events stored before.
    /// </summary>
    public static void RegisterModuleEvents(this StoreOptions options, string module, Assembly assembly)
    {
        var events = (EventGraph)options.Events;
        foreach (var type in EventTypesOf(assembly))
        {
            events.AddEventType(type);
            var legacy = events.EventMappingFor(type).EventTypeName;
            events.MapEventType(type, NameOf(module, legacy));
            events.Upcast(type, legacy);
        }
    }

    /// <summary>The event types a module's assembly declares: public, concrete, and describing themselves for the audit.</summary>
    public static IEnumerable<Type> EventTypesOf(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t is { IsPublic: true, IsAbstract: false, IsInterface: false } && typeof(IDescribedEvent).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    /// <summary>The stored name for an event that a module's code named <paramref name="legacy"/> before the prefix.</summary>
    public static string NameOf(string module, string legacy) => $"{module}.{legacy}";

    /// <summary>The module of a stored name: its prefix, or null for a name from before the prefixes.</summary>
    public static string? ModuleOf(string storedName) =>
        storedName.IndexOf('.') is var dot and > 0 ? storedName[..dot] : null;
}
