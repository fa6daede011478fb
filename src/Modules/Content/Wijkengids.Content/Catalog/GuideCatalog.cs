using Wijkengids.Content.Contracts;
using Wijkengids.Content.Editions;
using Wijkengids.Content.Intake;
using Wijkengids.Content.Items;
using Wijkengids.Content.Reading;
using Wijkengids.Content.Themes;

namespace Wijkengids.Content.Catalog;

/// <summary>
/// Content's answer to <see cref="IGuideCatalog"/>: reads only its own published read models (<see cref="PublicItem"/>,
/// <see cref="RevisionView"/> for the Markdown of the published revision, <see cref="ThemeView"/>) and, for proposals,
/// the intake records, the items' state and the published editions. Drafts are never exposed.
/// </summary>
internal sealed class GuideCatalog(IQuerySession session) : IGuideCatalog
{
    public async Task<IReadOnlyList<CatalogLesson>> PublishedLessonsAsync(CancellationToken cancellationToken = default)
    {
        // Only the fields listed, not the rendered bodies: the list can hold thousands of lessons.
        var lessons = await session.Query<PublicItem>().Where(i => i.Kind == ItemKinds.Lesson).OrderBy(i => i.Title)
            .Select(l => new { l.Id, l.Slug, l.Title, l.SectionIds, l.Themes, l.Revision }).ToListAsync(cancellationToken);
        // The numbers the sections have now: a lesson is attached to its sections by id (docs/adr/0107).
        var numbers = (await session.Query<PublicItem>().Where(i => i.Kind == ItemKinds.Section).Select(i => new { i.Id, i.Number })
            .ToListAsync(cancellationToken)).ToDictionary(i => i.Id, i => i.Number ?? "");
        return lessons.Select(l => new CatalogLesson(l.Id, l.Slug, l.Title,
            l.SectionIds.Where(numbers.ContainsKey).Select(id => numbers[id]).OrderBy(n => n, NumberOrder.Instance).ToList(), l.Themes, l.Revision)).ToList();
    }

    public async Task<CatalogLessonText?> PublishedLessonAsync(Guid lessonId, CancellationToken cancellationToken = default) =>
        await TextOfAsync(await session.LoadAsync<PublicItem>(lessonId, cancellationToken), cancellationToken);

    public async Task<CatalogLessonText?> PublishedLessonAsync(string slug, CancellationToken cancellationToken = default) =>
        await TextOfAsync(await session.Query<PublicItem>().Where(i => i.Kind == ItemKinds.Lesson && i.Slug == slug)
            .FirstOrDefaultAsync(cancellationToken), cancellationToken);

    private async Task<CatalogLessonText?> TextOfAsync(PublicItem? item, CancellationToken cancellationToken)
    {
        if (item is not { Kind: ItemKinds.Lesson }) return null;
        var revision = await session.LoadAsync<RevisionView>(RevisionView.IdOf(item.Id, item.Revision), cancellationToken);
        var text = revision?.Text ?? new ItemText { Title = item.Title, Statement = item.Statement };
        return new CatalogLessonText(item.Id, item.Slug, item.Revision, text.Title, text.Statement, text.Body,
            text.Sources.Select(s => new CatalogSource(s.Title, s.Author, s.Year, s.Link, s.Kind)).ToList(),
            item.Themes, await ReadGuideHandler.SectionNumbersAsync(session, item.SectionIds, cancellationToken), item.Url);
    }

    public async Task<IReadOnlyList<CatalogSection>> SectionsAsync(CancellationToken cancellationToken = default)
    {
        var sections = await session.Query<PublicItem>().Where(i => i.Kind == ItemKinds.Section).ToListAsync(cancellationToken);
        return sections.OrderBy(s => s.Number, NumberOrder.Instance).Select(s => new CatalogSection(s.Number ?? "", s.Title, s.Url)).ToList();
    }

    public async Task<IReadOnlyList<CatalogChapter>> ChaptersAsync(CancellationToken cancellationToken = default)
    {
        var structure = await session.Query<PublicItem>().Where(i => i.Kind == ItemKinds.Chapter || i.Kind == ItemKinds.Section)
            .Select(i => new { i.Kind, i.Number, i.Title }).ToListAsync(cancellationToken);
        var titles = structure.Where(i => i.Kind == ItemKinds.Chapter).GroupBy(i => i.Number ?? "").ToDictionary(g => g.Key, g => g.First().Title);
        return structure.Select(i => ReadGuideHandler.ChapterOf(i.Number)).Where(n => n.Length > 0).Distinct().OrderBy(n => n, NumberOrder.Instance)
            .Select(n => new CatalogChapter(n, titles.TryGetValue(n, out var title) ? title : ReadGuideHandler.DefaultChapterTitle(n))).ToList();
    }

    public async Task<IReadOnlyList<CatalogTheme>> ThemesAsync(CancellationToken cancellationToken = default)
    {
        var themes = await session.Query<ThemeView>().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return themes.Select(t => new CatalogTheme(t.Slug, t.Name)).ToList();
    }

    public async Task<IReadOnlyList<ProposalOutcome>> ProposalOutcomesAsync(IReadOnlyCollection<Guid> proposalIds,
        CancellationToken cancellationToken = default)
    {
        if (proposalIds.Count == 0) return [];
        var records = await session.LoadManyAsync<ProposalIntakeRecord>(cancellationToken, proposalIds.Distinct().ToArray());
        if (records.Count == 0) return [];
        var itemIds = records.Select(r => r.ItemId).Distinct().ToArray();
        var items = await session.LoadManyAsync<ItemState>(cancellationToken, itemIds);
        var editions = await session.Query<EditionView>().Where(e => e.Published).OrderBy(e => e.Number).ToListAsync(cancellationToken);
        var outcomes = new List<ProposalOutcome>();
        foreach (var record in records)
        {
            if (items.FirstOrDefault(i => i.Id == record.ItemId) is not { } item) continue;
            var edition = editions.FirstOrDefault(e => e.Entries.Any(x => x.ItemId == item.Id && x.ToRevision >= record.Revision))?.Number;
            var published = item.PublishedRevision >= record.Revision || edition is not null;
            outcomes.Add(new ProposalOutcome(record.Id, item.Id, item.Slug, item.Title, record.Revision, published, edition,
                ItemKinds.PublicUrl(item.Kind, item.Slug, item.Number)));
        }
        return outcomes;
    }
}
