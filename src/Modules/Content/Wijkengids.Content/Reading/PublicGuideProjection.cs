using JasperFx.Events;
using Marten;
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
                var previous = await operations.LoadAsync<PublicItem>(published.ItemId, cancellation);
                var item = ToPublicItem(published, previous);
                operations.Store(item);
                Search.SearchIndex.Upsert(operations, item, ContentMarkdown.ToPlainText(published.Text.Body));
                break;
            case ItemUnpublished unpublished:
                Remove(operations, unpublished.ItemId);
                break;
            case ItemArchived archived:
                Remove(operations, archived.ItemId);
                break;
            case EditionReleased edition:
                var listed = await operations.LoadManyAsync<PublicItem>(cancellation, edition.Entries.Select(x => x.ItemId).ToArray());
                foreach (var entry in edition.Entries)
                {
                    if (listed.FirstOrDefault(i => i.Id == entry.ItemId) is not { } listedItem || listedItem.Revision != entry.ToRevision) continue;
                    listedItem.Edition = edition.Number;
                    listedItem.EditionRevision = entry.ToRevision;
                    operations.Store(listedItem);
                }
                break;
        }
        operations.Store(new GuideVersion { Version = e.Sequence > 0 ? e.Sequence : e.Timestamp.UtcTicks, ChangedAt = e.Timestamp });
    }

    private static void Remove(IDocumentOperations operations, Guid id)
    {
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
