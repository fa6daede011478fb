namespace Wijkengids.Content.Contracts;

/// <summary>
/// What other modules may read of the guide, without touching Content's tables: the published lessons, sections and
/// themes, a lesson's published text with its revision number, and what became of an accepted proposal.
/// Implemented and registered by Content.
/// </summary>
public interface IGuideCatalog
{
    /// <summary>Every published lesson, by title.</summary>
    Task<IReadOnlyList<CatalogLesson>> PublishedLessonsAsync(CancellationToken cancellationToken = default);

    /// <summary>The published text of a lesson (by id or slug); null when it is not published.</summary>
    Task<CatalogLessonText?> PublishedLessonAsync(Guid lessonId, CancellationToken cancellationToken = default);

    Task<CatalogLessonText?> PublishedLessonAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>The published sections, in the guide's order.</summary>
    Task<IReadOnlyList<CatalogSection>> SectionsAsync(CancellationToken cancellationToken = default);

    /// <summary>The chapters of the guide, in the guide's order: those with a published chapter page or a published section.</summary>
    Task<IReadOnlyList<CatalogChapter>> ChaptersAsync(CancellationToken cancellationToken = default);

    /// <summary>The themes, by name.</summary>
    Task<IReadOnlyList<CatalogTheme>> ThemesAsync(CancellationToken cancellationToken = default);

    /// <summary>What the accepted proposals became; proposals Content has not (yet) taken in are left out.</summary>
    Task<IReadOnlyList<ProposalOutcome>> ProposalOutcomesAsync(IReadOnlyCollection<Guid> proposalIds, CancellationToken cancellationToken = default);
}

public sealed record CatalogLesson(Guid Id, string Slug, string Title, IReadOnlyList<string> Sections, IReadOnlyList<string> Themes, int Revision);

/// <summary>A lesson's published revision: <see cref="Body"/> is Markdown; <see cref="Url"/> is site-relative.</summary>
public sealed record CatalogLessonText(Guid Id, string Slug, int Revision, string Title, string? Statement, string Body,
    IReadOnlyList<CatalogSource> Sources, IReadOnlyList<string> Themes, IReadOnlyList<string> Sections, string Url);

/// <summary>A source; <see cref="Kind"/> is research, practice or policy.</summary>
public sealed record CatalogSource(string Title, string? Author, int? Year, string? Link, string Kind);

public sealed record CatalogSection(string Number, string Title, string Url);

public sealed record CatalogTheme(string Slug, string Name);

/// <summary>A chapter: its number ("3") and title.</summary>
public sealed record CatalogChapter(string Number, string Title);

/// <summary>
/// An accepted proposal became draft <see cref="Revision"/> of lesson <see cref="LessonId"/>. <see cref="Published"/>: a
/// revision at least that new has been published since; <see cref="Edition"/>: the first published edition that listed it.
/// </summary>
public sealed record ProposalOutcome(Guid ProposalId, Guid LessonId, string LessonSlug, string LessonTitle, int Revision, bool Published,
    int? Edition, string Url);
