using System.Runtime.CompilerServices;
using JasperFx.Events;
using Marten.Events.Projections;
using Wijkengids.Content.Editions;
using Wijkengids.Content.Items;
using Wijkengids.Content.Rendering;
using Wijkengids.Content.Themes;

namespace Wijkengids.Content.Reading;

/// <summary>
/// Inline projection of what readers may see: a <see cref="PublicItem"/> per published item, the search index
/// and the <see cref="GuideVersion"/>. Written in the same transaction as the events, so a page is current the
/// moment a publish returns.
/// </summary>
public sealed partial class PublicGuideProjection : EventProjection
{
    public PublicGuideProjection()
    {
        Name = "ContentPublicGuide";
        IncludeType<ItemPublished>();
        IncludeType<ItemUnpublished>();
        IncludeType<ItemArchived>();
        IncludeType<EditionReleased>();
        foreach (var type in ContentEvents.ThemeEventTypes) IncludeType(type);
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case ItemPublished published:
                var previous = await LoadAsync(operations, published.ItemId, cancellation);
                var item = ToPublicItem(published, previous);
                Store(operations, item);
                Search.SearchIndex.Upsert(operations, item, ContentMarkdown.ToPlainText(published.Text.Body));
                break;
            case ItemUnpublished unpublished:
                Remove(operations, unpublished.ItemId);
                break;
            case ItemArchived archived:
                Remove(operations, archived.ItemId);
                break;
            case EditionReleased edition:
                foreach (var entry in edition.Entries)
                {
                    if (await LoadAsync(operations, entry.ItemId, cancellation) is not { } listedItem || listedItem.Revision != entry.ToRevision) continue;
                    listedItem.Edition = edition.Number;
                    listedItem.EditionRevision = entry.ToRevision;
                    Store(operations, listedItem);
                }
                break;
        }
        operations.Store(new GuideVersion { Version = e.Sequence > 0 ? e.Sequence : e.Timestamp.UtcTicks, ChangedAt = e.Timestamp });
    }

    /// <summary>
    /// What this batch of events already made of each item. A rebuild applies many events in one batch and saves at its end,
    /// so an item published (or removed) earlier in the batch is not in the database yet when a later event needs it.
    /// </summary>
    private static readonly ConditionalWeakTable<IDocumentOperations, Dictionary<Guid, PublicItem?>> Pending = new();

    private static async Task<PublicItem?> LoadAsync(IDocumentOperations operations, Guid id, CancellationToken cancellation) =>
        Pending.GetOrCreateValue(operations).TryGetValue(id, out var pending)
            ? pending
            : await operations.LoadAsync<PublicItem>(id, cancellation);

    private static void Store(IDocumentOperations operations, PublicItem item)
    {
        Pending.GetOrCreateValue(operations)[item.Id] = item;
        operations.Store(item);
    }

    private static void Remove(IDocumentOperations operations, Guid id)
    {
        Pending.GetOrCreateValue(operations)[id] = null;
        operations.Delete<PublicItem>(id);
        Search.SearchIndex.Remove(operations, id);
    }

    internal static PublicItem ToPublicItem(ItemPublished e, PublicItem? previous)
    {
        var text = e.Text;
        return new PublicItem
        {
            Id = e.ItemId,
            Kind = e.Kind,
            Slug = e.Slug,
            Number = text.Number,
            Title = text.Title,
            Statement = text.Statement,
            BodyHtml = ContentMarkdown.ToHtml(text.Body),
            Sources = text.Sources.ToList(),
            Themes = text.Themes.ToList(),
            Sections = text.Sections.OrderBy(s => s, NumberOrder.Instance).ToList(),
            Categories = text.Categories.ToList(),
            Date = text.Date,
            Author = text.Author,
            Summary = text.Summary.ToList(),
            Revision = e.Revision,
            PublishedAt = e.PublishedAt,
            FirstPublishedAt = previous?.FirstPublishedAt ?? e.PublishedAt,
            Contributions = e.Attributions
                .Select(a => new Provenance(a.ProposalId, a.ProposerId, a.AcceptedBy, a.BasedOnRevision)).ToList(),
            Edition = previous?.Revision == e.Revision ? previous.Edition : null,
            EditionRevision = previous?.EditionRevision,
            Url = ItemKinds.PublicUrl(e.Kind, e.Slug, text.Number),
        };
    }
}
