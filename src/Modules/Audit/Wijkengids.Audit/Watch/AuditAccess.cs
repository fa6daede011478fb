using Marten;
using Wijkengids.Audit.Timeline;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Watch;

// Watching the watchers: every look into the audit trail is itself an event (actor, time, correlation from the
// request), appended before the data is read, so no look goes unrecorded. They appear in the timeline under module
// "audit" and are part of the hash chain like any other event.

/// <summary>A look into the audit trail. Its data names what was looked at, which is no mention of that item (ADR 35).</summary>
public interface IAuditLook : IDescribedEvent;

public sealed record AuditTimelineSearched(TimelineFilter Filter, bool OldestFirst, long? Before, long? After) : IAuditLook
{
    public string Describe() => $"Audittijdlijn doorzocht ({Filter.Describe()})";
}

public sealed record AuditTrailExported(TimelineFilter Filter, string Format) : IAuditLook
{
    public string Describe() => $"Audittijdlijn geëxporteerd als {Format.ToUpperInvariant()} ({Filter.Describe()})";
}

public sealed record AuditChainVerified(long? From, long? To) : IAuditLook
{
    public string Describe() => From is null && To is null
        ? "Hashketen gecontroleerd (geheel)"
        : $"Hashketen gecontroleerd (posities {From?.ToString() ?? "begin"} t/m {To?.ToString() ?? "eind"})";
}

public sealed record AuditActorLookedUp(string ActorId) : IAuditLook
{
    public string Describe() => $"Actor {ActorId} opgezocht in de audit";
}

/// <summary>The provenance of an item was read, optionally with a sentence searched for in its revisions.</summary>
public sealed record AuditProvenanceViewed(string Item, string? Sentence = null) : IAuditLook
{
    public string Describe() => Sentence is null
        ? $"Herkomst van item {Item} bekeken"
        : $"Herkomst van item {Item} bekeken, gezocht naar de zin \u201c{Sentence}\u201d";
}

/// <summary>Records one look into the audit trail as an event in a stream of its own (no two looks ever race).</summary>
internal sealed class AuditAccessLog(IDocumentStore store, IRequestContext context)
{
    public async Task RecordAsync(IAuditLook look, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Stamp(context);
        session.Events.StartStream(Guid.NewGuid(), look);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Reads while the look is being recorded (two connections, so the auditor does not wait for one after the other);
    /// the result is returned only once the look is stored, so nothing is shown that was not recorded.
    /// </summary>
    public async Task<T> WhileRecordingAsync<T>(IAuditLook look, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        var reading = read();
        await Task.WhenAll(RecordAsync(look, cancellationToken), reading);
        return await reading;
    }
}
