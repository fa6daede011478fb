namespace Wijkengids.Audit.Timeline;

/// <summary>One entry of the audit timeline: one event of any module, with who, when, what and why.</summary>
public sealed class AuditEntry
{
    /// <summary>The event's position in the global sequence.</summary>
    public long Id { get; set; }
    public Guid EventId { get; set; }
    public Guid StreamId { get; set; }
    public long Version { get; set; }
    public string Module { get; set; } = "";
    public string EventType { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTimeOffset Timestamp { get; set; }
    public string Actor { get; set; } = "";
    public string? CorrelationId { get; set; }
    public string? CausationId { get; set; }
    public string? Reason { get; set; }
}

/// <summary>The display name of an actor, learned from Community's AccountOpened message.</summary>
public sealed class ActorName
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>Correlation of the message that brought this name (proves the chain end to end).</summary>
    public string? CorrelationId { get; set; }
    /// <summary>The id of the message that brought it.</summary>
    public string? CausationId { get; set; }
    /// <summary>Who opened the account (the actor carried on the message).</summary>
    public string? RecordedFor { get; set; }
}
