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
    public const string ProjectionName = "ContentPublicGuide";

    public PublicGuideProjection()
    {
        Name = ProjectionName;
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
            {
                var previous = await LoadAsync<PublicItem>(operations, published.ItemId, cancellation);
                var sectionIds = published.Text.SectionIds?.ToList() ?? await ResolveSectionsAsync(operations, published.Text.Sections, cancellation);
                var item = ToPublicItem(published, previous, sectionIds);
                Store(operations, item.Id, item);
                Search.SearchIndex.Upsert(operations, item, ContentMarkdown.ToPlainText(published.Text.Body));
                await RecordVersionAsync(operations, e, published, item, cancellation);
                break;
            }
            case ItemUnpublished unpublished:
                await RemoveAsync(operations, e, unpublished.ItemId, cancellation);
                break;
            case ItemArchived archived:
                await RemoveAsync(operations, e, archived.ItemId, cancellation);
                break;
            case EditionReleased edition:
                foreach (var entry in edition.Entries)
                {
                    if (await LoadAsync<PublicItem>(operations, entry.ItemId, cancellation) is not { } listedItem || listedItem.Revision != entry.ToRevision) continue;
                    listedItem.Edition = edition.Number;
                    listedItem.EditionRevision = entry.ToRevision;
                    Store(operations, listedItem.Id, listedItem);
                }
                var timeline = await TimelineAsync(operations, cancellation);
                if (timeline.Editions.All(x => x.Number != edition.Number))
                {
                    timeline.Editions.Add(new TimelineEdition(edition.Number, edition.Title, edition.PublishedAt));
                    Store(operations, timeline.Id, timeline);
                }
                break;
        }
        operations.Store(new GuideVersion { Version = e.Sequence > 0 ? e.Sequence : e.Timestamp.UtcTicks, ChangedAt = e.Timestamp });
    }

    /// <summary>
    /// What this batch of events already made of each document. A rebuild applies many events in one batch and saves at its end,
    /// so a document written earlier in the batch is not in the database yet when a later event needs it.
    /// </summary>
    private static readonly ConditionalWeakTable<IDocumentOperations, Dictionary<(Type, object), object?>> Pending = new();

    private static async Task<T?> LoadAsync<T>(IDocumentOperations operations, object id, CancellationToken cancellation) where T : class =>
        Pending.GetOrCreateValue(operations).TryGetValue((typeof(T), id), out var pending)
            ? (T?)pending
            : id switch
            {
                Guid guid => await operations.LoadAsync<T>(guid, cancellation),
                string text => await operations.LoadAsync<T>(text, cancellation),
                _ => throw new ArgumentException("Onbekend soort sleutel", nameof(id)),
            };

    private static void Store<T>(IDocumentOperations operations, object id, T document) where T : class
    {
        Pending.GetOrCreateValue(operations)[(typeof(T), id)] = document;
        operations.Store(document);
    }

    private static async Task RemoveAsync(IDocumentOperations operations, IEvent e, Guid id, CancellationToken cancellation)
    {
        Pending.GetOrCreateValue(operations)[(typeof(PublicItem), id)] = null;
        operations.Delete<PublicItem>(id);
        Search.SearchIndex.Remove(operations, id);
        if (await LoadAsync<ItemTrail>(operations, id, cancellation) is { } trail)
        {
            await CloseVersionAsync(operations, trail, e.Timestamp, cancellation);
            Store(operations, trail.Id, trail);
        }
    }

    private static async Task<GuideTimeline> TimelineAsync(IDocumentOperations operations, CancellationToken cancellation) =>
        await LoadAsync<GuideTimeline>(operations, GuideTimeline.SingletonId, cancellation) ?? new GuideTimeline();

    /// <summary>A revision saved before sections were named by id: its numbers as they stood at its publication.</summary>
    private static async Task<List<Guid>> ResolveSectionsAsync(IDocumentOperations operations, IReadOnlyList<string> numbers, CancellationToken cancellation)
    {
        var ids = new List<Guid>();
        foreach (var number in numbers)
        {
            if ((await LoadAsync<NumberClaim>(operations, number, cancellation))?.Current is { } holder && !ids.Contains(holder.SectionId)) ids.Add(holder.SectionId);
        }
        return ids;
    }

    /// <summary>The published text becomes a version of the guide from the next update on; the one it replaces ends there.</summary>
    private static async Task RecordVersionAsync(IDocumentOperations operations, IEvent e, ItemPublished published, PublicItem item, CancellationToken cancellation)
    {
        var timeline = await TimelineAsync(operations, cancellation);
        var trail = await LoadAsync<ItemTrail>(operations, published.ItemId, cancellation) ?? new ItemTrail { Id = published.ItemId };
        await CloseVersionAsync(operations, trail, published.PublishedAt, cancellation);
        var version = new ItemVersion
        {
            Id = e.Id, ItemId = published.ItemId, Kind = published.Kind, Slug = published.Slug, Number = published.Text.Number,
            Revision = published.Revision, FromEdition = timeline.Latest + 1, PublishedAt = published.PublishedAt,
            SectionIds = item.SectionIds.ToList(), Text = published.Text, Item = item.Copy(),
        };
        Store(operations, version.Id, version);
        Search.SearchIndex.UpsertVersion(operations, version, ContentMarkdown.ToPlainText(published.Text.Body));
        trail.OpenVersion = version.Id;
        if (published.Kind == ItemKinds.Section && published.Text.Number is { } number)
        {
            await ClaimNumberAsync(operations, trail, number, published.Text.Title, published.PublishedAt, cancellation);
        }
        Store(operations, trail.Id, trail);
    }

    private static async Task CloseVersionAsync(IDocumentOperations operations, ItemTrail trail, DateTimeOffset at, CancellationToken cancellation)
    {
        if (trail.OpenVersion is not { } open || await LoadAsync<ItemVersion>(operations, open, cancellation) is not { } version) return;
        version.UntilEdition = (await TimelineAsync(operations, cancellation)).Latest + 1;
        version.EndedAt = at;
        Store(operations, version.Id, version);
        Search.SearchIndex.EndVersion(operations, version.Id, version.UntilEdition.Value);
        trail.OpenVersion = null;
    }

    /// <summary>A section publishes under a number: it takes the number over (from an earlier holder) and leaves its old one.</summary>
    private static async Task ClaimNumberAsync(IDocumentOperations operations, ItemTrail trail, string number, string title, DateTimeOffset at,
        CancellationToken cancellation)
    {
        if (trail.Number is { } old && old != number && await LoadAsync<NumberClaim>(operations, old, cancellation) is { } oldClaim)
        {
            if (oldClaim.Current is { } held && held.SectionId == trail.Id) held.Until = at;
            Store(operations, oldClaim.Id, oldClaim);
        }
        var claim = await LoadAsync<NumberClaim>(operations, number, cancellation) ?? new NumberClaim { Id = number };
        if (claim.Current is { } current && current.SectionId == trail.Id)
        {
            current.Title = title;
        }
        else
        {
            if (claim.Current is { } other) other.Until = at;
            claim.Holders.Add(new NumberHolder { SectionId = trail.Id, Title = title, Since = at });
        }
        Store(operations, claim.Id, claim);
        if (trail.Number != number)
        {
            if (trail.Numbers.Count > 0 && trail.Numbers[^1].Until is null) trail.Numbers[^1] = trail.Numbers[^1] with { Until = at };
            trail.Numbers.Add(new NumberHolding(number, at, null));
            trail.Number = number;
        }
    }

    internal static PublicItem ToPublicItem(ItemPublished e, PublicItem? previous, List<Guid> sectionIds)
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
            SectionIds = sectionIds,
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
