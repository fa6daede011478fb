namespace Wijkengids.Workshops.Formats;

// Events of a format's stream: the truth from which FormatState (decisions) and WorkshopFormat (the read model) are
// rebuilt. Trainers are referred to by their id in Community's directory; their names are personal data kept there.
// Before FormatChanged existed, a change was recorded as a second FormatDefined with the same id and slug.

public sealed record FormatDefined(Guid FormatId, string Slug, string Title, string Description, int DurationMinutes,
    int ParticipantsPerSession, decimal Price, string[] Themes, string[] Lessons, Guid[] Trainers) : IDescribedEvent
{
    public string Describe() => $"Werkatelier ‘{Title}’ vastgelegd";
}

public sealed record FormatChanged(Guid FormatId, string Title, string Description, int DurationMinutes, int ParticipantsPerSession,
    decimal Price, string[] Themes, string[] Lessons, Guid[] Trainers) : IDescribedEvent
{
    public string Describe() => $"Werkatelier ‘{Title}’ gewijzigd";
}
