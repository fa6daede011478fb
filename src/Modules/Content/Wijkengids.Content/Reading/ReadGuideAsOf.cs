using System.Globalization;
using FluentValidation.Results;
using Wijkengids.Content.Items;
using Wijkengids.Content.People;

namespace Wijkengids.Content.Reading;

// The guide as of an update (docs/adr/0107): exactly what readers saw when update n was published. These answers never
// change once the update is out (apart from a contributor's name that was erased since).

public sealed record UpdateRef(int Number, string Title, DateTimeOffset PublishedAt);

public sealed record ContentsAsOf(UpdateRef Update, UpdateRef Latest, TableOfContents Contents);

public sealed record SectionAsOf(UpdateRef Update, UpdateRef Latest, SectionPage Page, string? CurrentUrl);

public sealed record LessonAsOf(UpdateRef Update, UpdateRef Latest, LessonPage Page, string? CurrentUrl);

/// <summary>The update that held the guide on <see cref="Date"/>; null when the first update came later (<see cref="First"/>).</summary>
public sealed record GuideOnDate(DateOnly Date, UpdateRef? Update, UpdateRef? First);

/// <summary>One update of a page: at its address then (a section's number could differ).</summary>
public sealed record PageMemento(UpdateRef Update, string Url);

/// <summary>
/// How to cite a published item: <see cref="PermanentUrl"/> shows its text as of <see cref="Update"/>, the latest update.
/// <see cref="CurrentText"/>: that is the text on the page; if not, the page's text appears in update <see cref="AppearsIn"/>
/// and the link shows the text the item had in the latest update (or is null when it had none).
/// </summary>
public sealed record Citation(UpdateRef? Update, string? PermanentUrl, bool CurrentText, int AppearsIn);

public sealed record GetCitation(Guid ItemId) : IRequest<Citation>;

public sealed record GetContentsAsOf(int Update) : IRequest<ContentsAsOf>;

public sealed record GetSectionAsOf(string Number, int Update) : IRequest<SectionAsOf>;

public sealed record GetLessonAsOf(string Slug, int Update) : IRequest<LessonAsOf>;

public sealed record GetGuideOnDate(string? Date) : IRequest<GuideOnDate>;

/// <summary>Every update in which the section (by its current or an earlier number) or lesson existed, oldest first.</summary>
public sealed record GetMementos(string Kind, string Key) : IRequest<IReadOnlyList<PageMemento>>;

internal sealed class ReadGuideAsOfHandler(IQuerySession session, PersonNames names, TimeProvider clock)
    : IRequestHandler<GetContentsAsOf, ContentsAsOf>, IRequestHandler<GetSectionAsOf, SectionAsOf>,
        IRequestHandler<GetLessonAsOf, LessonAsOf>, IRequestHandler<GetGuideOnDate, GuideOnDate>,
        IRequestHandler<GetMementos, IReadOnlyList<PageMemento>>, IRequestHandler<GetCitation, Citation>
{
    public static string SectionUrl(string number, int update) => $"/gids/{number}/update/{update}";

    public static string LessonUrl(string slug, int update) => $"/lessen/{slug}/update/{update}";

    public static string ContentsUrl(int update) => $"/gids/update/{update}";

    public async Task<ContentsAsOf> Handle(GetContentsAsOf request, CancellationToken cancellationToken)
    {
        var (update, latest) = await UpdateAsync(request.Update, cancellationToken);
        var n = update.Number;
        var structure = await InEdition(n).Where(v => v.Kind == ItemKinds.Chapter || v.Kind == ItemKinds.Section).ToListAsync(cancellationToken);
        var lessonSections = await InEdition(n).Where(v => v.Kind == ItemKinds.Lesson).Select(v => v.SectionIds).ToListAsync(cancellationToken);
        var counts = lessonSections.SelectMany(s => s).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var chapters = structure.Where(v => v.Kind == ItemKinds.Chapter).GroupBy(v => v.Number ?? "").ToDictionary(g => g.Key, g => g.First());
        var sections = structure.Where(v => v.Kind == ItemKinds.Section).ToList();
        var numbers = sections.Select(s => ReadGuideHandler.ChapterOf(s.Number)).Concat(chapters.Keys).Distinct().OrderBy(x => x, NumberOrder.Instance);
        var contents = new TableOfContents(numbers.Select(c => new ChapterEntry(c,
                chapters.TryGetValue(c, out var chapter) ? chapter.Item.Title : ReadGuideHandler.DefaultChapterTitle(c),
                chapter?.Item.Summary ?? [],
                sections.Where(s => ReadGuideHandler.ChapterOf(s.Number) == c).OrderBy(s => s.Number, NumberOrder.Instance)
                    .Select(s => new SectionEntry(s.Number!, s.Item.Title, SectionUrl(s.Number!, n), counts.GetValueOrDefault(s.ItemId))).ToList()))
            .ToList());
        return new ContentsAsOf(update, latest, contents);
    }

    public async Task<SectionAsOf> Handle(GetSectionAsOf request, CancellationToken cancellationToken)
    {
        var (update, latest) = await UpdateAsync(request.Update, cancellationToken);
        var n = update.Number;
        var version = await InEdition(n).FirstOrDefaultAsync(v => v.Kind == ItemKinds.Section && v.Number == request.Number, cancellationToken);
        if (version is null)
        {
            // An address with the section's later number: say where it was then.
            var claim = await session.LoadAsync<NumberClaim>(request.Number, cancellationToken);
            var ids = claim?.Holders.Select(h => h.SectionId).ToArray() ?? [];
            var then = ids.Length == 0 ? null
                : await InEdition(n).Where(v => ids.Contains(v.ItemId)).OrderByDescending(v => v.PublishedAt).FirstOrDefaultAsync(cancellationToken);
            var missing = new NotFoundException($"Paragraaf {request.Number} bestond niet in update {n}.");
            if (then?.Number is { } thenNumber) missing.Extensions["location"] = SectionUrl(thenNumber, n);
            throw missing;
        }
        var chapterNumber = ReadGuideHandler.ChapterOf(version.Number);
        var sections = await InEdition(n).Where(v => v.Kind == ItemKinds.Section).Select(v => new { v.Number, v.Slug, v.Item.Title }).ToListAsync(cancellationToken);
        var ordered = sections.OrderBy(s => s.Number, NumberOrder.Instance).Select(s => new SectionLink(s.Number!, s.Title, SectionUrl(s.Number!, n))).ToList();
        var at = ordered.FindIndex(s => s.Number == version.Number);
        var chapter = await InEdition(n).FirstOrDefaultAsync(v => v.Kind == ItemKinds.Chapter && v.Number == chapterNumber, cancellationToken);
        var sectionId = version.ItemId;
        var lessons = await InEdition(n).Where(v => v.Kind == ItemKinds.Lesson && v.SectionIds.Contains(sectionId)).ToListAsync(cancellationToken);
        var page = new SectionPage(WithUrl(version.Item, SectionUrl(version.Number!, n)), chapterNumber,
            chapter?.Item.Title ?? ReadGuideHandler.DefaultChapterTitle(chapterNumber),
            lessons.OrderBy(l => l.Item.Title).Select(l => new LessonLink(l.Slug, l.Item.Title, l.Item.Statement, LessonUrl(l.Slug, n), l.Item.Themes)).ToList(),
            at > 0 ? ordered[at - 1] : null, at >= 0 && at < ordered.Count - 1 ? ordered[at + 1] : null);
        var now = await session.LoadAsync<PublicItem>(sectionId, cancellationToken);
        return new SectionAsOf(update, latest, page, now?.Url);
    }

    public async Task<LessonAsOf> Handle(GetLessonAsOf request, CancellationToken cancellationToken)
    {
        var (update, latest) = await UpdateAsync(request.Update, cancellationToken);
        var n = update.Number;
        var version = await InEdition(n).FirstOrDefaultAsync(v => v.Kind == ItemKinds.Lesson && v.Slug == request.Slug, cancellationToken)
                      ?? throw new NotFoundException($"Deze les bestond niet in update {n}.");
        var ids = version.SectionIds.ToArray();
        var sections = ids.Length == 0 ? []
            : await InEdition(n).Where(v => v.Kind == ItemKinds.Section && ids.Contains(v.ItemId)).ToListAsync(cancellationToken);
        var themes = await ReadGuideHandler.ThemeLinksAsync(session, version.Item.Themes, cancellationToken);
        var lesson = WithUrl(version.Item, LessonUrl(version.Slug, n));
        var page = new LessonPage(lesson,
            sections.OrderBy(s => s.Number, NumberOrder.Instance).Select(s => new SectionLink(s.Number!, s.Item.Title, SectionUrl(s.Number!, n))).ToList(),
            themes, await ReadGuideHandler.ContributorsAsync(names, lesson, cancellationToken));
        var now = await session.LoadAsync<PublicItem>(version.ItemId, cancellationToken);
        return new LessonAsOf(update, latest, page, now?.Url);
    }

    public async Task<GuideOnDate> Handle(GetGuideOnDate request, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(request.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new ValidationException([new ValidationFailure("op", "Geef de datum als jjjj-mm-dd, bijvoorbeeld 2026-05-01.")]);
        }
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Display.Netherlands).DateTime);
        if (date > today)
        {
            throw new ValidationException([new ValidationFailure("op",
                $"{Display.Date(date)} ligt in de toekomst. Kies een datum tot en met vandaag ({Display.Date(today)}).")]);
        }
        var timeline = await TimelineAsync(cancellationToken);
        var endOfDay = Display.StartOfDutchDay(date.AddDays(1));
        var held = timeline.Editions.LastOrDefault(e => e.PublishedAt < endOfDay);
        return new GuideOnDate(date, held is null ? null : RefOf(held), timeline.Editions.Count == 0 ? null : RefOf(timeline.Editions[0]));
    }

    public async Task<IReadOnlyList<PageMemento>> Handle(GetMementos request, CancellationToken cancellationToken)
    {
        var timeline = await TimelineAsync(cancellationToken);
        if (timeline.Editions.Count == 0) return [];
        List<ItemVersion> versions;
        if (request.Kind == ItemKinds.Section)
        {
            // Every section that held the number, and every number they held.
            var claim = await session.LoadAsync<NumberClaim>(request.Key, cancellationToken);
            var ids = claim?.Holders.Select(h => h.SectionId).Distinct().ToArray() ?? [];
            var currentHolder = claim?.Current?.SectionId ?? claim?.Holders.LastOrDefault()?.SectionId;
            ids = currentHolder is { } holder ? [holder] : ids;
            versions = ids.Length == 0 ? [] : (await session.Query<ItemVersion>().Where(v => ids.Contains(v.ItemId)).ToListAsync(cancellationToken)).ToList();
        }
        else
        {
            versions = (await session.Query<ItemVersion>().Where(v => v.Kind == request.Kind && v.Slug == request.Key).ToListAsync(cancellationToken)).ToList();
        }
        return timeline.Editions
            .Select(e => (Edition: e, Version: versions.Where(v => v.InEdition(e.Number)).OrderByDescending(v => v.PublishedAt).FirstOrDefault()))
            .Where(x => x.Version is not null)
            .Select(x => new PageMemento(RefOf(x.Edition), x.Version!.Kind == ItemKinds.Section
                ? SectionUrl(x.Version.Number!, x.Edition.Number)
                : LessonUrl(x.Version.Slug, x.Edition.Number)))
            .ToList();
    }

    public async Task<Citation> Handle(GetCitation request, CancellationToken cancellationToken)
    {
        var timeline = await TimelineAsync(cancellationToken);
        var latest = timeline.Latest;
        var open = await session.Query<ItemVersion>().FirstOrDefaultAsync(v => v.ItemId == request.ItemId && v.UntilEdition == null, cancellationToken);
        if (latest == 0) return new Citation(null, null, false, 1);
        var update = RefOf(timeline.Editions[^1]);
        var then = open is not null && open.FromEdition <= latest
            ? open
            : await InEdition(latest).FirstOrDefaultAsync(v => v.ItemId == request.ItemId, cancellationToken);
        var url = then is null ? null : then.Kind == ItemKinds.Section ? SectionUrl(then.Number!, latest) : LessonUrl(then.Slug, latest);
        return new Citation(update, url, then is not null && then.Id == open?.Id, latest + 1);
    }

    private IQueryable<ItemVersion> InEdition(int n) =>
        session.Query<ItemVersion>().Where(v => v.FromEdition <= n && (v.UntilEdition == null || v.UntilEdition > n));

    private async Task<GuideTimeline> TimelineAsync(CancellationToken cancellationToken) =>
        await session.LoadAsync<GuideTimeline>(GuideTimeline.SingletonId, cancellationToken) ?? new GuideTimeline();

    private async Task<(UpdateRef Update, UpdateRef Latest)> UpdateAsync(int number, CancellationToken cancellationToken)
    {
        var timeline = await TimelineAsync(cancellationToken);
        var edition = timeline.Editions.FirstOrDefault(e => e.Number == number)
                      ?? throw new NotFoundException(timeline.Editions.Count == 0
                          ? $"Update {number} bestaat niet: er is nog geen update van de gids gepubliceerd."
                          : $"Update {number} bestaat niet (of is nog niet gepubliceerd). De laatste update is update {timeline.Latest}.");
        return (RefOf(edition), RefOf(timeline.Editions[^1]));
    }

    private static UpdateRef RefOf(TimelineEdition e) => new(e.Number, e.Title, e.PublishedAt);

    private static PublicItem WithUrl(PublicItem item, string url)
    {
        var copy = item.Copy();
        copy.Url = url;
        return copy;
    }
}

/// <summary>What the "Citeer deze tekst" box shows: the citation, the label of the text and the site's origin for absolute links.</summary>
public sealed record CitationBox(Citation Citation, string Label, string Origin);

/// <summary>The banner of an update page.</summary>
public sealed record UpdateBanner(UpdateRef Update, UpdateRef Latest, string? CurrentUrl);
