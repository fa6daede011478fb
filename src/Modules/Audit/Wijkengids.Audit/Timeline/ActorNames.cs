using Marten;
using Wijkengids.Community.Contracts;
using Wolverine;

namespace Wijkengids.Audit.Timeline;

/// <summary>Learns actors' display names from Community's AccountOpened message (through the outbox).</summary>
public static class AccountOpenedHandler
{
    public static async Task Handle(AccountOpened message, IDocumentSession session, Envelope envelope, CancellationToken cancellationToken)
    {
        var id = message.AccountId.ToString();
        // An erasure that arrived first wins: the name must not come back.
        if ((await session.LoadAsync<ActorName>(id, cancellationToken))?.ErasedAt is not null) return;
        session.Store(new ActorName
        {
            Id = id,
            DisplayName = message.DisplayName,
            CorrelationId = envelope.CorrelationId,
            CausationId = envelope.Id.ToString(),
            RecordedFor = envelope.UserName,
        });
    }
}
