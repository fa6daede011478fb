using Wijkengids.Community.Contracts;
using Wijkengids.Content.People;

namespace Wijkengids.Content.Inbound;

/// <summary>Learns account names from Community (through the outbox).</summary>
public static class ContentAccountOpenedHandler
{
    public static async Task Handle(AccountOpened message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var existing = await session.LoadAsync<PersonName>(message.AccountId, cancellationToken);
        if (existing?.Erased == true) return;
        session.Store(new PersonName { Id = message.AccountId, DisplayName = message.DisplayName });
    }
}
