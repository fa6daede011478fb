namespace Wijkengids.Audit.Timeline;

/// <summary>
/// The display name of an actor, learned from Community's AccountOpened message. After an erasure the name is
/// gone: <see cref="DisplayName"/> is emptied and <see cref="ErasedAt"/> says when, on whose decision.
/// </summary>
public sealed class ActorName
{
    public const string ErasedLabel = "gewiste persoon";
    public const string SystemLabel = "systeem";
    public const string UnknownLabel = "onbekend";

    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>Correlation of the message that brought this name (proves the chain end to end).</summary>
    public string? CorrelationId { get; set; }
    /// <summary>The id of the message that brought it.</summary>
    public string? CausationId { get; set; }
    /// <summary>Who opened the account (the actor carried on the message).</summary>
    public string? RecordedFor { get; set; }
    public DateTimeOffset? ErasedAt { get; set; }
    public string? ErasedBy { get; set; }

    public string Shown => ErasedAt is not null ? ErasedLabel : DisplayName;
}
