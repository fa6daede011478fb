using Marten;
using Wijkengids.Audit.Timeline;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Watch;

// Watching the watchers: every look into the audit trail is itself an event (actor, time, correlation from the
// request), appended before the data is read, so no look goes unrecorded. They appear in the timeline under module
// "audit" and are part of the hash chain like any other event.

public sealed record AuditTimelineSearched(TimelineFilter Filter, bool OldestFirst, long? Before, long? After) : IDescribedEvent
{
    public string Describe() => $"Audittijdlijn doorzocht ({Filter.Describe()})";
}

public sealed record AuditTrailExported(TimelineFilter Filter, string Format) : IDescribedEvent
{
    public string Describe() => $"Audittijdlijn geëxporteerd als {Format.ToUpperInvariant()} ({Filter.Describe()})";
}

public sealed record AuditChainVerified(long? From, long? To) : IDescribedEvent
{
    public string Describe() => From is null && To is null
        ? "Hashketen gecontroleerd (geheel)"
        : $"Hashketen gecontroleerd (posities {From?.ToString() ?? "begin"} t/m {To?.ToString() ?? "eind"})";
}

public sealed record AuditActorLookedUp(string ActorId) : IDescribedEvent
{
    public string Describe() => $"Actor {ActorId} opgezocht in de audit";
}

/// <summary>Records one look into the audit trail as an event in a stream of its own (no two looks ever race).</summary>
internal sealed class AuditAccessLog(IDocumentStore store, IRequestContext context)
{
    public async Task RecordAsync(IDescribedEvent look, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Stamp(context);
        session.Events.StartStream(Guid.NewGuid(), look);
        await session.SaveChangesAsync(cancellationToken);
    }
}
