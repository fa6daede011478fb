using JasperFx.Events;
using Wijkengids.Contributions.Contracts;
using Wolverine.Marten;

namespace Wijkengids.Contributions.Reactions;

/// <summary>
/// What every moderation step of a reaction shares: loading its stream for a change (404 when it does not exist, 409 when
/// the editor's version is stale), and, with the step's event, telling the other modules what changed. The unit of work
/// saves the events and the messages together.
/// </summary>
internal sealed class ReactionSteps(IDocumentSession session, IMartenOutbox outbox, IRequestContext context, TimeProvider clock)
{
    public Task<IEventStream<Reaction>> FetchAsync(Guid id, long? expectedVersion, string? reason, CancellationToken cancellationToken)
    {
        session.Stamp(context, reason);
        return session.FetchForChangeAsync<Reaction>(id, expectedVersion, "Deze reactie bestaat niet.",
            "Deze reactie is intussen door iemand anders behandeld. Bekijk de huidige stand en probeer het opnieuw.", cancellationToken);
    }

    /// <summary>
    /// Appends <paramref name="change"/> (nothing when the step changed nothing) and notifies: the contributor's status,
    /// by mail to <paramref name="mailTo"/> when given, and the guide's cache when readers see the difference.
    /// </summary>
    public async Task RecordAsync(IEventStream<Reaction> stream, object? change, ReactionStatus status, string? message = null,
        ReactionView? mailTo = null, bool readersSeeIt = false)
    {
        if (change is null) return;
        stream.AppendOne(change);
        var reaction = stream.Aggregate!;
        var now = clock.GetUtcNow();
        await outbox.PublishAsync(new ContributionStatusChanged(reaction.Id, "reactie", reaction.AccountId, status.Wire(), message,
            ReactionAbout.Url(reaction.About), now, mailTo?.Email, mailTo?.Name));
        // The guide's public pages show published reactions and are cached: tell Content that what readers see changed.
        if (readersSeeIt) await outbox.PublishAsync(new PublishedReactionsChanged(reaction.About, now));
    }

    public async Task<ReactionView> ViewAsync(Guid id, CancellationToken cancellationToken) =>
        await session.LoadAsync<ReactionView>(id, cancellationToken) ?? throw new NotFoundException("Deze reactie bestaat niet.");
}
