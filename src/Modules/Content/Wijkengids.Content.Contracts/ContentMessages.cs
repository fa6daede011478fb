namespace Wijkengids.Content.Contracts;

/// <summary>An edition ("update") of the guide was published with its change notes.</summary>
public sealed record EditionPublished(int Number, string Title, DateTimeOffset PublishedAt, IReadOnlyList<EditionItem> Items);

/// <summary>
/// One changed item of an edition. <see cref="Change"/> is "major" or "minor"; <see cref="Url"/> is site-relative;
/// <see cref="Chapters"/> are the numbers of the chapters the item belongs to (null in messages sent before it existed).
/// </summary>
public sealed record EditionItem(Guid ItemId, string Kind, string Title, string Url, string Change, string Note, IReadOnlyList<string> Themes,
    IReadOnlyList<string>? Chapters = null);

/// <summary>A lesson was published; <see cref="NextEdition"/> is the number of the edition it will appear in.</summary>
public sealed record LessonPublished(Guid LessonId, string Title, string Slug, IReadOnlyList<string> SectionNumbers, int NextEdition, DateTimeOffset PublishedAt);
