namespace Wijkengids.Workshops.Formats;

/// <summary>
/// A format's write model, rebuilt from its stream: it decides a change and answers with the event to append, or
/// nothing when the organiser changed nothing. The slug is fixed when the format is defined.
/// </summary>
public sealed class FormatState
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Slug { get; set; } = "";
    public FormatContent Content { get; set; } = FormatContent.Empty;

    public static FormatState Create(FormatDefined e) => new() { Id = e.FormatId, Slug = e.Slug, Content = FormatContent.Of(e) };

    /// <summary>Streams from before <see cref="FormatChanged"/> recorded a change as a second definition.</summary>
    public void Apply(FormatDefined e) => Content = FormatContent.Of(e);

    public void Apply(FormatChanged e) => Content = FormatContent.Of(e);

    /// <summary>A new format: <paramref name="slug"/> is free (checked by the caller against the read model).</summary>
    public static FormatDefined Define(Guid id, string slug, FormatContent content) =>
        new(id, slug, content.Title, content.Description, content.DurationMinutes, content.ParticipantsPerSession, content.Price,
            [.. content.Themes], [.. content.Lessons], [.. content.Trainers]);

    public FormatChanged? Change(FormatContent content) =>
        content.SameAs(Content)
            ? null
            : new FormatChanged(Id, content.Title, content.Description, content.DurationMinutes, content.ParticipantsPerSession, content.Price,
                [.. content.Themes], [.. content.Lessons], [.. content.Trainers]);
}

/// <summary>What an organiser writes about a format (trimmed and checked): everything but its id and slug.</summary>
public sealed record FormatContent(string Title, string Description, int DurationMinutes, int ParticipantsPerSession, decimal Price,
    IReadOnlyList<string> Themes, IReadOnlyList<string> Lessons, IReadOnlyList<Guid> Trainers)
{
    public static readonly FormatContent Empty = new("", "", 0, 0, 0, [], [], []);

    public static FormatContent Of(FormatDefined e) =>
        new(e.Title, e.Description, e.DurationMinutes, e.ParticipantsPerSession, e.Price, e.Themes, e.Lessons, e.Trainers);

    public static FormatContent Of(FormatChanged e) =>
        new(e.Title, e.Description, e.DurationMinutes, e.ParticipantsPerSession, e.Price, e.Themes, e.Lessons, e.Trainers);

    public bool SameAs(FormatContent other) =>
        Title == other.Title && Description == other.Description && DurationMinutes == other.DurationMinutes
        && ParticipantsPerSession == other.ParticipantsPerSession && Price == other.Price && Themes.SequenceEqual(other.Themes)
        && Lessons.SequenceEqual(other.Lessons) && Trainers.SequenceEqual(other.Trainers);
}
