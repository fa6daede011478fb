using JasperFx.Events;

namespace Wijkengids.Content.Editions;

/// <summary>An edition ("update") of the guide: inline snapshot of its stream.</summary>
public sealed class EditionView
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public List<EditionEntry> Entries { get; set; } = [];
    public bool Published { get; set; }
    public DateTimeOffset ComposedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    public static EditionView Create(IEvent<EditionComposed> e) => new()
    {
        Id = e.Data.EditionId, Number = e.Data.Number, Title = e.Data.Title, Entries = e.Data.Entries.ToList(), ComposedAt = e.Timestamp,
    };

    public void Apply(IEvent<EditionComposed> e)
    {
        Title = e.Data.Title;
        Entries = e.Data.Entries.ToList();
        ComposedAt = e.Timestamp;
    }

    public void Apply(EditionReleased e)
    {
        Published = true;
        PublishedAt = e.PublishedAt;
        Title = e.Title;
        Entries = e.Entries.ToList();
    }

    /// <summary>Stream id of edition <paramref name="number"/>: one stream per number, so two editors cannot both start edition 3.</summary>
    public static Guid StreamIdOf(int number) => new($"00000000-0000-4000-8000-{number:D12}");
}
