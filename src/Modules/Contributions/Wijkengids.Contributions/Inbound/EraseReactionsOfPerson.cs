using Wijkengids.Community.Contracts;
using Wijkengids.Contributions.Contracts;
using Wijkengids.Contributions.Reactions;
using Wolverine;

namespace Wijkengids.Contributions.Inbound;

/// <summary>
/// AVG erasure (from Community): the person's reactions (sent while signed in, or earlier with the same e-mail address)
/// get <see cref="ReactionErased"/>: their keys are deleted, so the sealed values in the events can no longer be read,
/// and the projection masks the read model and takes them offline. The events themselves stay.
/// </summary>
public static class EraseReactionsOfPersonHandler
{
    public static async Task<OutgoingMessages> Handle(ErasureRequested message, IDocumentSession session, IPersonalDataVault vault,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        var now = clock.GetUtcNow();
        foreach (var view in await ReactionPersonalData.OfAsync(session, message.SubjectId, message.Email, cancellationToken))
        {
            await vault.EraseAsync(view.Subject, message.RequestedBy, cancellationToken);
            var stream = await session.Events.FetchForWriting<Reaction>(view.Id, cancellationToken);
            if (stream.Aggregate?.Erase(now) is not { } erased) continue;
            stream.AppendOne(erased);
            // A published reaction leaves the guide's pages: their cache must forget it.
            if (view.Published) outgoing.Add(new PublishedReactionsChanged(view.About, now));
        }
        return outgoing;
    }
}
