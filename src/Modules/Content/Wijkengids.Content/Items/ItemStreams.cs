using JasperFx.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Wijkengids.Content.Items;

/// <summary>
/// Loading an item's stream for a change, the same way for every step: stamped with actor and reason, a missing item a
/// 404, a stale expected version a 409 with a link to the current text (never a silent overwrite). The unit of work saves.
/// </summary>
internal sealed class ItemStreams(IDocumentSession session, IRequestContext context)
{
    public IDocumentSession Session => session;
    public IRequestContext Context => context;

    public async Task<IEventStream<ItemState>> FetchAsync(Guid id, long? expectedVersion, string? reason, CancellationToken cancellationToken)
    {
        session.Stamp(context, reason);
        var stream = await session.Events.FetchForWriting<ItemState>(id, cancellationToken);
        if (stream.Aggregate is null) throw new NotFoundException("Dit item bestaat niet.");
        if (expectedVersion is { } expected && expected != stream.CurrentVersion) throw Stale(id, stream.CurrentVersion);
        return stream;
    }

    public static ConflictException Stale(Guid id, long? currentVersion)
    {
        var conflict = new ConflictException(
            "Iemand anders heeft dit item intussen gewijzigd. Uw wijziging is niet opgeslagen; bekijk eerst de huidige tekst " +
            $"({ItemDetail.EditUrlOf(id)}) en breng uw wijziging daarin opnieuw aan.");
        conflict.Extensions["current"] = $"/api/content/items/{id}";
        conflict.Extensions["currentPage"] = ItemDetail.EditUrlOf(id);
        if (currentVersion is { } v) conflict.Extensions["currentVersion"] = v;
        return conflict;
    }

    /// <summary>The answer of every endpoint that changes an item: the change is saved, then the item as it now stands.</summary>
    public static async Task<Ok<ItemDetail>> ChangeAsync<T>(IMediator mediator, Guid id, IRequest<T> change, CancellationToken cancellationToken)
    {
        await mediator.Send(change, cancellationToken);
        return TypedResults.Ok(await mediator.Send(new GetItem(id), cancellationToken));
    }
}
