using JasperFx.Events;
using Marten.Events.Projections;

namespace Wijkengids.Content.Items;

/// <summary>One revision of an item with its full text: what history, diffs and revert read.</summary>
public sealed class RevisionView
{
    /// <summary>"{itemId:N}-{revision}".</summary>
    public string Id { get; set; } = "";
    public Guid ItemId { get; set; }
    public int Revision { get; set; }
    public ItemText Text { get; set; } = new();
    public DateTimeOffset SavedAt { get; set; }
    public string SavedBy { get; set; } = "";
    public string? Reason { get; set; }
    public int? RestoredFrom { get; set; }
    public Guid? ProposalId { get; set; }
    public Guid? ProposerId { get; set; }

    public static string IdOf(Guid itemId, int revision) => $"{itemId:N}-{revision}";
}

/// <summary>One step in an item's history (every event of its stream): who, when, what and why.</summary>
public sealed class ItemLogEntry
{
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    public long Version { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Description { get; set; } = "";
    public string? Reason { get; set; }
    public string? Comment { get; set; }
}

/// <summary>Inline projection of item streams into revisions and history entries.</summary>
public sealed partial class ItemHistoryProjection : EventProjection
{
    public ItemHistoryProjection()
    {
        Name = "ContentItemHistory";
        foreach (var type in ContentEvents.ItemEventTypes) IncludeType(type);
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        // Inline, every event of the session comes here, whatever IncludeType says (a rebuild does filter): only an
        // item's own events belong in its history.
        if (!ContentEvents.ItemEventTypes.Contains(e.EventType)) return ValueTask.CompletedTask;
        var actor = string.IsNullOrEmpty(e.UserName) ? IRequestContext.SystemActor : e.UserName;
        var reason = ReasonOf(e);
        switch (e.Data)
        {
            case DraftSaved d:
                operations.Store(new RevisionView
                {
                    Id = RevisionView.IdOf(d.ItemId, d.Revision), ItemId = d.ItemId, Revision = d.Revision, Text = d.Text,
                    SavedAt = e.Timestamp, SavedBy = actor, Reason = reason,
                    ProposalId = d.Attribution?.ProposalId, ProposerId = d.Attribution?.ProposerId,
                });
                break;
            case RevisionRestored r:
                operations.Store(new RevisionView
                {
                    Id = RevisionView.IdOf(r.ItemId, r.Revision), ItemId = r.ItemId, Revision = r.Revision, Text = r.Text,
                    SavedAt = e.Timestamp, SavedBy = actor, Reason = reason, RestoredFrom = r.RestoredFrom,
                });
                break;
        }
        operations.Store(new ItemLogEntry
        {
            Id = e.Id, ItemId = e.StreamId, Version = e.Version, At = e.Timestamp, Actor = actor,
            Description = e.Data is IDescribedEvent described ? described.Describe() : e.EventTypeName,
            Reason = reason, Comment = (e.Data as ChangesRequested)?.Comment,
        });
        return ValueTask.CompletedTask;
    }

    internal static string? ReasonOf(IEvent e) =>
        e.Headers is not null && e.Headers.TryGetValue(MetadataHeaders.Reason, out var reason) ? reason?.ToString() : null;
}
