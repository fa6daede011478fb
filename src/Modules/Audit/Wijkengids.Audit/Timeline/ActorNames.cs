using Marten;
using Wijkengids.Community.Contracts;
using Wolverine;

namespace Wijkengids.Audit.Timeline;

/// <summary>Learns actors' display names from Community's AccountOpened message (through the outbox).</summary>
public static class AccountOpenedHandler
{
    public static void Handle(AccountOpened message, IDocumentSession session, Envelope envelope) =>
        session.Store(new ActorName
        {
            Id = message.AccountId.ToString(),
            DisplayName = message.DisplayName,
            CorrelationId = envelope.CorrelationId,
            CausationId = envelope.Id.ToString(),
            RecordedFor = envelope.UserName,
        });
}
