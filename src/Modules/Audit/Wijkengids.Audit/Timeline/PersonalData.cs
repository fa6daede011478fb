using System.Globalization;
using Marten;
using Wijkengids.Community.Contracts;
using Wijkengids.SharedKernel;
using Marten.Exceptions;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Wijkengids.Audit.Timeline;

/// <summary>
/// Erasure keeps the trail (docs/adr/0033): on Community's ErasureRequested the audit forgets the person's name (the
/// actor id stays on their entries, shown as "gewiste persoon") and records, as an event with the requester as actor
/// and the given reason, that the erasure happened. Events are not touched, so the hash chain keeps verifying.
/// Idempotent: a repeated message changes nothing, also when two deliveries race (the record of the erasure has one
/// stream per person, so the second start of that stream fails and that delivery is discarded).
/// </summary>
public static class ErasureRequestedHandler
{
    public static void Configure(HandlerChain chain) => chain.OnException<ExistingStreamIdCollisionException>().Discard();

    /// <summary>The stream that records a person's erasure: derived from their id, so there is at most one.</summary>
    public static Guid ErasureStreamOf(Guid subject)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("wijkengids:audit:erasure:" + subject));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static async Task Handle(ErasureRequested message, IDocumentSession session, Envelope envelope, CancellationToken cancellationToken)
    {
        var id = message.SubjectId.ToString();
        var actor = await session.LoadAsync<ActorName>(id, cancellationToken) ?? new ActorName { Id = id };
        if (actor.ErasedAt is not null) return;
        actor.DisplayName = "";
        actor.ErasedAt = message.RequestedAt;
        actor.ErasedBy = message.RequestedBy;
        session.Store(actor);
        session.Stamp(new FixedRequestContext(message.RequestedBy, envelope.CorrelationId ?? Guid.NewGuid().ToString("N"), envelope.Id.ToString()),
            message.Reason);
        session.Events.StartStream(ErasureStreamOf(message.SubjectId), new PersonalDataErasureRecorded(message.SubjectId, message.RequestedBy, message.RequestedAt));
    }
}

/// <summary>The audit applied an erasure (AVG): names masked, history kept. Actor: who decided; reason: theirs.</summary>
public sealed record PersonalDataErasureRecorded(Guid SubjectId, string RequestedBy, DateTimeOffset RequestedAt) : IDescribedEvent
{
    public string Describe() => $"Persoonsgegevens gewist (AVG) van persoon {SubjectId}: naam gemaskeerd, geschiedenis bewaard";
}

/// <summary>What the audit holds about a person (AVG right of access): the name it knows and what they did.</summary>
internal sealed class AuditPersonalData(IDocumentStore store, IQuerySession session) : IPersonalDataSource
{
    private const int MaximumEntries = 1000;

    public async Task<PersonalDataSection> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var id = subject.SubjectId.ToString();
        var items = new List<PersonalDataItem>();
        if (await session.LoadAsync<ActorName>(id, cancellationToken) is { ErasedAt: null } actor)
        {
            items.Add(new PersonalDataItem("naam in de geschiedenis", new Dictionary<string, string?> { ["naam"] = actor.DisplayName }));
        }
        var rows = await ReadTimelineHandler.QueryAsync(store, new TimelineFilter(Actor: id), null, null, ascending: true, MaximumEntries,
            cancellationToken);
        items.AddRange(rows.Select(r => new PersonalDataItem("wijziging door u", new Dictionary<string, string?>
        {
            ["wanneer"] = r.Timestamp.ToString("O", CultureInfo.InvariantCulture), ["module"] = r.Module, ["wat"] = r.Description,
            ["reden"] = r.Reason,
        })));
        return new PersonalDataSection("audit", "Uw naam en wijzigingen in de geschiedenis", items);
    }
}
