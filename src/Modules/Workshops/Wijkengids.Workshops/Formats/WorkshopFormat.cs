namespace Wijkengids.Workshops.Formats;

/// <summary>
/// A werkatelier format as pages and the API read it: the inline projection of its stream (<see cref="WorkshopFormatProjection"/>),
/// never written by a handler. Trainers are kept by id; their names come from Community's directory when shown
/// (<see cref="FormatDetails"/>).
/// </summary>
public sealed class WorkshopFormat
{
    public Guid Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public int DurationMinutes { get; set; }
    public int ParticipantsPerSession { get; set; }
    public decimal Price { get; set; }
    public List<string> Themes { get; set; } = [];
    /// <summary>Slugs of the guide's lessons (or section numbers) the format draws on.</summary>
    public List<string> Lessons { get; set; } = [];
    public List<TrainerOfFormat> Trainers { get; set; } = [];
    public long Version { get; set; }
}

/// <summary>A trainer of a format, by their id in Community's directory (documents from before kept the name too; it is read from the directory now).</summary>
public sealed record TrainerOfFormat(Guid PersonId);

/// <summary>A trainer as a format's page shows them: the name and organisation as the directory lists them today.</summary>
public sealed record FormatTrainer(Guid PersonId, string Name, string? Organisation);

/// <summary>A format as the API and pages show it, with its trainers' names.</summary>
public sealed record FormatDetails(Guid Id, string Slug, string Title, string Description, int DurationMinutes, int ParticipantsPerSession,
    decimal Price, IReadOnlyList<string> Themes, IReadOnlyList<string> Lessons, IReadOnlyList<FormatTrainer> Trainers, long Version);
