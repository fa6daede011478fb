using Wijkengids.Content.Items;
using Wijkengids.Content.People;
using Wijkengids.Content.Themes;

namespace Wijkengids.Content.Reading;

// What readers read: only published items (PublicItem), never drafts.

public sealed record SectionLink(string Number, string Title, string Url);

public sealed record ChapterEntry(string Number, string Title, IReadOnlyList<string> Summary, IReadOnlyList<SectionEntry> Sections);

public sealed record SectionEntry(string Number, string Title, string Url, int Lessons);

public sealed record TableOfContents(IReadOnlyList<ChapterEntry> Chapters);

public sealed record LessonLink(string Slug, string Title, string? Statement, string Url, IReadOnlyList<string> Themes);

public sealed record ThemeLink(string Slug, string Name);

/// <summary>
/// A section with its lessons. <see cref="HeldBefore"/>: other sections that held its number before (a reused number);
/// <see cref="Numbers"/>: every number this section held (docs/adr/0107).
/// </summary>
public sealed record SectionPage(PublicItem Section, string ChapterNumber, string ChapterTitle, IReadOnlyList<LessonLink> Lessons,
    SectionLink? Previous, SectionLink? Next, IReadOnlyList<FormerHolder>? HeldBefore = null, IReadOnlyList<NumberHolding>? Numbers = null);

/// <summary>A section that held a number before: its title then, and where it is now (null when it is no longer published).</summary>
public sealed record FormerHolder(string Title, DateTimeOffset Until, string? Number, string? Url);

/// <summary>Where the section that last held <see cref="Number"/> is now, when it has another number; else null.</summary>
public sealed record GetSectionMovedTo(string Number) : IRequest<SectionLink?>;

public sealed record LessonPage(PublicItem Lesson, IReadOnlyList<SectionLink> Sections, IReadOnlyList<ThemeLink> Themes,
    IReadOnlyList<string> Contributors);

public sealed record ThemeSummary(string Slug, string Name, string? Description, int Lessons);

public sealed record ThemePage(ThemeSummary Theme, IReadOnlyList<LessonLink> Lessons);

public sealed record GetTableOfContents : IRequest<TableOfContents>;

public sealed record GetSectionPage(string Number) : IRequest<SectionPage>;

public sealed record GetLessonPage(string Slug) : IRequest<LessonPage>;

public sealed record ListThemes : IRequest<IReadOnlyList<ThemeSummary>>;

public sealed record GetThemePage(string Slug) : IRequest<ThemePage>;

public sealed record ListNews : IRequest<IReadOnlyList<PublicItem>>;

public sealed record GetPublicItem(string Kind, string Slug) : IRequest<PublicItem>;

internal sealed class ReadGuideHandler(IQuerySession session, PersonNames names)
    : IRequestHandler<GetTableOfContents, TableOfContents>, IRequestHandler<GetSectionPage, SectionPage>,
        IRequestHandler<GetLessonPage, LessonPage>, IRequestHandler<ListThemes, IReadOnlyList<ThemeSummary>>,
        IRequestHandler<GetThemePage, ThemePage>, IRequestHandler<ListNews, IReadOnlyList<PublicItem>>,
        IRequestHandler<GetPublicItem, PublicItem>, IRequestHandler<GetSectionMovedTo, SectionLink?>
{
    public async Task<TableOfContents> Handle(GetTableOfContents request, CancellationToken cancellationToken)
    {
        var structure = await session.Query<PublicItem>()
            .Where(i => i.Kind == ItemKinds.Chapter || i.Kind == ItemKinds.Section)
            .ToListAsync(cancellationToken);
        var lessonSections = await session.Query<PublicItem>().Where(i => i.Kind == ItemKinds.Lesson)
            .Select(i => i.SectionIds).ToListAsync(cancellationToken);
        var counts = lessonSections.SelectMany(s => s).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var chapters = structure.Where(i => i.Kind == ItemKinds.Chapter).ToDictionary(c => c.Number ?? "");
        var sections = structure.Where(i => i.Kind == ItemKinds.Section).ToList();
        var numbers = sections.Select(s => ChapterOf(s.Number)).Concat(chapters.Keys).Distinct().OrderBy(n => n, NumberOrder.Instance);
        return new TableOfContents(numbers.Select(n => new ChapterEntry(n,
                chapters.TryGetValue(n, out var chapter) ? chapter.Title : DefaultChapterTitle(n),
                chapter?.Summary ?? [],
                sections.Where(s => ChapterOf(s.Number) == n).OrderBy(s => s.Number, NumberOrder.Instance)
                    .Select(s => new SectionEntry(s.Number!, s.Title, s.Url, counts.GetValueOrDefault(s.Id))).ToList()))
            .ToList());
    }

    public async Task<SectionPage> Handle(GetSectionPage request, CancellationToken cancellationToken)
    {
        var chapterNumber = ChapterOf(request.Number);
        var batch = session.CreateBatchQuery();
        var sectionsQuery = batch.Query<PublicItem>().Where(i => i.Kind == ItemKinds.Section)
            .Select(i => new SectionLink(i.Number!, i.Title, i.Url)).ToList();
        var sectionQuery = batch.Query<PublicItem>().Where(i => i.Kind == ItemKinds.Section && i.Number == request.Number).FirstOrDefault();
        var chapterQuery = batch.Query<PublicItem>()
            .Where(i => i.Kind == ItemKinds.Chapter && i.Number == chapterNumber).FirstOrDefault();
        await batch.Execute(cancellationToken);

        var section = await sectionQuery ?? throw new NotFoundException($"Paragraaf {request.Number} bestaat niet (of is niet gepubliceerd).");
        var all = (await sectionsQuery).OrderBy(s => s.Number, NumberOrder.Instance).ToList();
        var at = all.FindIndex(s => s.Number == section.Number);
        var chapter = await chapterQuery;
        var lessons = await session.Query<PublicItem>().Where(i => i.Kind == ItemKinds.Lesson && i.SectionIds.Contains(section.Id))
            .OrderBy(i => i.Title).ToListAsync(cancellationToken);
        var claim = await session.LoadAsync<NumberClaim>(section.Number!, cancellationToken);
        var trail = await session.LoadAsync<ItemTrail>(section.Id, cancellationToken);
        return new SectionPage(section, ChapterOf(section.Number), chapter?.Title ?? DefaultChapterTitle(ChapterOf(section.Number)),
            lessons.Select(LinkOf).ToList(), at > 0 ? all[at - 1] : null, at >= 0 && at < all.Count - 1 ? all[at + 1] : null,
            await FormerHoldersAsync(claim, section.Id, cancellationToken), trail?.Numbers ?? []);
    }

    private async Task<IReadOnlyList<FormerHolder>> FormerHoldersAsync(NumberClaim? claim, Guid current, CancellationToken cancellationToken)
    {
        var before = claim?.Holders.Where(h => h.SectionId != current && h.Until is not null).ToList() ?? [];
        if (before.Count == 0) return [];
        var ids = before.Select(h => h.SectionId).Distinct().ToArray();
        var now = (await session.LoadManyAsync<PublicItem>(cancellationToken, ids)).ToDictionary(i => i.Id);
        return before.Select(h => new FormerHolder(h.Title, h.Until!.Value, now.GetValueOrDefault(h.SectionId)?.Number,
            now.GetValueOrDefault(h.SectionId)?.Url)).ToList();
    }

    public async Task<SectionLink?> Handle(GetSectionMovedTo request, CancellationToken cancellationToken)
    {
        var last = (await session.LoadAsync<NumberClaim>(request.Number, cancellationToken))?.Holders.LastOrDefault();
        if (last is null) return null;
        var now = await session.LoadAsync<PublicItem>(last.SectionId, cancellationToken);
        return now is { Kind: ItemKinds.Section } && now.Number != request.Number ? new SectionLink(now.Number!, now.Title, now.Url) : null;
    }

    public async Task<LessonPage> Handle(GetLessonPage request, CancellationToken cancellationToken)
    {
        var lesson = await Handle(new GetPublicItem(ItemKinds.Lesson, request.Slug), cancellationToken);
        var ids = lesson.SectionIds.ToArray();
        var sections = ids.Length == 0
            ? []
            : await session.Query<PublicItem>().Where(i => i.Kind == ItemKinds.Section && ids.Contains(i.Id))
                .Select(i => new SectionLink(i.Number!, i.Title, i.Url)).ToListAsync(cancellationToken);
        var themes = await ThemeLinksAsync(session, lesson.Themes, cancellationToken);
        return new LessonPage(lesson, sections.OrderBy(s => s.Number, NumberOrder.Instance).ToList(), themes,
            await ContributorsAsync(names, lesson, cancellationToken));
    }

    public async Task<IReadOnlyList<ThemeSummary>> Handle(ListThemes request, CancellationToken cancellationToken)
    {
        var themes = await session.Query<ThemeView>().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var used = await session.Query<PublicItem>().Where(i => i.Kind == ItemKinds.Lesson).Select(i => i.Themes).ToListAsync(cancellationToken);
        var counts = used.SelectMany(t => t).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        return themes.Select(t => new ThemeSummary(t.Slug, t.Name, t.Description, counts.GetValueOrDefault(t.Slug))).ToList();
    }

    public async Task<ThemePage> Handle(GetThemePage request, CancellationToken cancellationToken)
    {
        var theme = await session.Query<ThemeView>().FirstOrDefaultAsync(t => t.Slug == request.Slug, cancellationToken)
                    ?? throw new NotFoundException("Dit thema bestaat niet.");
        var lessons = await session.Query<PublicItem>().Where(i => i.Kind == ItemKinds.Lesson && i.Themes.Contains(request.Slug))
            .OrderBy(i => i.Title).ToListAsync(cancellationToken);
        return new ThemePage(new ThemeSummary(theme.Slug, theme.Name, theme.Description, lessons.Count), lessons.Select(LinkOf).ToList());
    }

    public async Task<IReadOnlyList<PublicItem>> Handle(ListNews request, CancellationToken cancellationToken)
    {
        var news = await session.Query<PublicItem>().Where(i => i.Kind == ItemKinds.News).ToListAsync(cancellationToken);
        return news.OrderByDescending(n => n.Date ?? DateOnly.MinValue).ThenByDescending(n => n.FirstPublishedAt).ToList();
    }

    public async Task<PublicItem> Handle(GetPublicItem request, CancellationToken cancellationToken) =>
        await session.Query<PublicItem>().FirstOrDefaultAsync(i => i.Kind == request.Kind && i.Slug == request.Slug, cancellationToken)
        ?? throw new NotFoundException($"Deze {ItemKinds.DutchName(request.Kind)} bestaat niet (of is niet gepubliceerd).");

    /// <summary>The names of the contributors whose proposals the text holds (erased and unknown names left out).</summary>
    internal static async Task<IReadOnlyList<string>> ContributorsAsync(PersonNames names, PublicItem lesson, CancellationToken cancellationToken)
    {
        var known = await names.NamesAsync(lesson.Contributions.Select(c => c.ProposerId.ToString()), cancellationToken);
        return lesson.Contributions.Select(c => PersonNames.NameOf(known, c.ProposerId.ToString()))
            .Where(n => n is not (PersonNames.ErasedName or "onbekend")).Distinct().ToList();
    }

    internal static async Task<IReadOnlyList<ThemeLink>> ThemeLinksAsync(IQuerySession session, IReadOnlyCollection<string> slugs, CancellationToken cancellationToken)
    {
        if (slugs.Count == 0) return [];
        var wanted = slugs.ToArray();
        return await session.Query<ThemeView>().Where(t => wanted.Contains(t.Slug)).OrderBy(t => t.Name)
            .Select(t => new ThemeLink(t.Slug, t.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>The numbers these sections have now (published ones only), in the guide's order.</summary>
    internal static async Task<IReadOnlyList<string>> SectionNumbersAsync(IQuerySession session, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var wanted = ids.ToArray();
        var numbers = await session.Query<PublicItem>().Where(i => i.Kind == ItemKinds.Section && wanted.Contains(i.Id))
            .Select(i => i.Number!).ToListAsync(cancellationToken);
        return numbers.OrderBy(n => n, NumberOrder.Instance).ToList();
    }

    internal static LessonLink LinkOf(PublicItem i) => new(i.Slug, i.Title, i.Statement, i.Url, i.Themes);

    internal static string ChapterOf(string? number) => (number ?? "").Split('.')[0];

    /// <summary>A chapter that has no item of its own yet is shown by its number only (nothing invented).</summary>
    internal static string DefaultChapterTitle(string number) => $"Hoofdstuk {number}";

    internal static void MapEndpoints(IEndpointRouteBuilder api)
    {
        var read = api.MapGroup("/api/content").WithTags("Content");
        read.MapGet("/guide", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetTableOfContents(), ct)))
            .WithName("GetGuideContents").WithSummary("Inhoudsopgave: hoofdstukken en gepubliceerde paragrafen");
        read.MapGet("/sections/{number}", async Task<IResult> (string number, IMediator m, CancellationToken ct) =>
            {
                try
                {
                    return TypedResults.Ok(await m.Send(new GetSectionPage(number), ct));
                }
                catch (NotFoundException)
                {
                    // An old number: where that section is now (docs/adr/0107).
                    if (await m.Send(new GetSectionMovedTo(number), ct) is { } moved)
                    {
                        return TypedResults.Redirect($"/api/content/sections/{moved.Number}", permanent: true);
                    }
                    throw;
                }
            })
            .WithName("GetSection").WithSummary("Een gepubliceerde paragraaf met haar lessen en vorige/volgende; een oud nummer verwijst door (301)");
        read.MapGet("/lessons/{slug}", async (string slug, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetLessonPage(slug), ct)))
            .WithName("GetLesson").WithSummary("Een gepubliceerde les met bronnen, thema's, paragrafen en bijdragers");
        read.MapGet("/themes", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListThemes(), ct)))
            .WithName("ListThemes").WithSummary("Alle thema's met het aantal gepubliceerde lessen");
        read.MapGet("/themes/{slug}", async (string slug, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetThemePage(slug), ct)))
            .WithName("GetTheme").WithSummary("Een thema met zijn gepubliceerde lessen");
        read.MapGet("/news", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListNews(), ct)))
            .WithName("ListNews").WithSummary("Gepubliceerde nieuwsberichten, nieuwste eerst");
        read.MapGet("/news/{slug}", async (string slug, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetPublicItem(ItemKinds.News, slug), ct)))
            .WithName("GetNewsItem").WithSummary("Eén gepubliceerd nieuwsbericht");
    }
}
