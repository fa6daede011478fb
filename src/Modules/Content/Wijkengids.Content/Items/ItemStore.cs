using JasperFx;
using Marten;
using JasperFx.Events;
using Wijkengids.Content.Caching;
using Wijkengids.SharedKernel;

namespace Wijkengids.Content.Items;

/// <summary>An item as editors see it: the latest revision (draft or not) and where it stands.</summary>
public sealed record ItemDetail(Guid Id, long Version, string Kind, string Slug, int Revision, string Status, ItemText Text,
    string LastAuthor, DateTimeOffset CreatedAt, DateTimeOffset LastChangedAt, string? ReviewComment, string? Reviewer,
    int? PublishedRevision, DateTimeOffset? PublishedAt, string PublicUrl, string EditUrl)
{
    public static ItemDetail From(ItemState s) => new(s.Id, s.Version, s.Kind, s.Slug, s.Revision, s.Status, s.Text, s.LastAuthor,
        s.CreatedAt, s.LastChangedAt, s.ReviewComment, s.Reviewer, s.PublishedRevision, s.PublishedAt,
        ItemKinds.PublicUrl(s.Kind, s.Slug, s.Text.Number), EditUrlOf(s.Id));

    public static string EditUrlOf(Guid id) => $"/redactie/items/{id}";
}

/// <summary>
/// Loading an item's stream for a change and saving it: expected-version checks (a stale version is a 409 with a
/// link to the current text, never a silent overwrite), event metadata, and one save.
/// </summary>
internal sealed class ItemStore(IDocumentSession session, IRequestContext context, GuideVersionCache versions)
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

    public async Task<ItemDetail> SaveAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            throw Stale(id, null);
        }
        versions.Invalidate();
        var state = await session.LoadAsync<ItemState>(id, cancellationToken) ?? throw new NotFoundException("Dit item bestaat niet.");
        return ItemDetail.From(state);
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
}
