namespace Wijkengids.Contributions.Reactions;

// Events of a reaction's stream: the truth from which the Reaction aggregate and the ReactionView read model are
// rebuilt. What the sender wrote about themselves and their message is personal data, sealed with the sender's key
// (docs/adr/0007): the account's id when signed in, else the reaction's own subject. Fields added later are nullable:
// events stored before them load with null, and the projection falls back to what was recorded then.

public sealed record ReactionReceived(
    Guid ReactionId,
    string About,
    Guid Subject,
    Guid? AccountId,
    Sealed Name,
    Sealed Email,
    Sealed? Organisation,
    Sealed Message,
    bool ShowName,
    DateTimeOffset? ReceivedAt = null) : IDescribedEvent
{
    public string Describe() => $"Reactie ontvangen over {ReactionAbout.Describe(About)}";
}

/// <summary>Shown under its section or lesson, with the reason code of the decision (null in events from before codes).</summary>
public sealed record ReactionPublished(Guid ReactionId, string? ReasonCode = null) : IDescribedEvent
{
    public string Describe() => "Reactie gepubliceerd";
}

/// <summary>
/// Taken offline: a removal the sender may object to, so it names the editor who decided (<see cref="DecidedBy"/>), with
/// the reason code and the editor's optional words for the sender (<see cref="Note"/>).
/// </summary>
public sealed record ReactionUnpublished(Guid ReactionId, string? ReasonCode = null, string? DecidedBy = null, string? Note = null) : IDescribedEvent
{
    public string Describe() => "Reactie teruggetrokken";
}

/// <summary>An editor's answer (written in their role, so not sealed): shown under the reaction or sent by mail.</summary>
public sealed record ReactionAnswered(Guid ReactionId, string Answer, bool Public, DateTimeOffset? AnsweredAt = null, string? ReasonCode = null)
    : IDescribedEvent
{
    public string Describe() => Public ? "Reactie openbaar beantwoord" : "Reactie per e-mail beantwoord";
}

public sealed record ReactionHandled(Guid ReactionId, string? ReasonCode = null) : IDescribedEvent
{
    public string Describe() => "Reactie afgehandeld";
}

/// <summary>Hidden as spam, with the editor's reason (events stored before the reason was part of the data keep it in their "reason" header).</summary>
public sealed record ReactionMarkedAsSpam(Guid ReactionId, string? Reason = null, string? ReasonCode = null, string? DecidedBy = null) : IDescribedEvent
{
    public string Describe() => "Reactie als spam verborgen";
}

/// <summary>
/// The sender objected to the removal (taken offline or hidden as spam), once, with their motivation: personal data,
/// sealed with the sender's key like the reaction itself.
/// </summary>
public sealed record ReactionAppealed(Guid ReactionId, Sealed Motivation, DateTimeOffset At) : IDescribedEvent
{
    public string Describe() => "Bezwaar gemaakt tegen het verwijderen van een reactie";
}

/// <summary>
/// Another editor than the one who removed the reaction decided on the objection: <see cref="Granted"/> undoes the removal
/// (the reaction is shown again, or back in the queue when it was hidden as spam). <see cref="Explanation"/>: optional
/// words for the sender.
/// </summary>
public sealed record ReactionAppealDecided(Guid ReactionId, bool Granted, string ReasonCode, string? Explanation, string DecidedBy,
    DateTimeOffset At) : IDescribedEvent
{
    public string Describe() => Granted ? "Bezwaar tegen het verwijderen van een reactie gegrond" : "Bezwaar tegen het verwijderen van een reactie ongegrond";
}

/// <summary>
/// The sender's personal data was erased (AVG): their key is gone, so the sealed name, address and message can no longer
/// be read, and the reaction is offline for good.
/// </summary>
public sealed record ReactionErased(Guid ReactionId, DateTimeOffset ErasedAt) : IDescribedEvent
{
    public string Describe() => "Reactie gewist op verzoek van de afzender (AVG)";
}

/// <summary>What a reaction is about: "algemeen", "sectie:1.4" or "les:&lt;slug&gt;".</summary>
public static class ReactionAbout
{
    public const string General = "algemeen";

    public static bool IsValid(string? about) =>
        about is not null && System.Text.RegularExpressions.Regex.IsMatch(about,
            @"^(algemeen|sectie:\d{1,3}(\.\d{1,3}){0,3}|les:[a-z0-9]+(-[a-z0-9]+)*)$") && about.Length <= 130;

    public static string Describe(string about) => about switch
    {
        General => "de gids in het algemeen",
        _ when about.StartsWith("sectie:", StringComparison.Ordinal) => $"paragraaf {about["sectie:".Length..]}",
        _ when about.StartsWith("les:", StringComparison.Ordinal) => $"les {about["les:".Length..]}",
        _ => about,
    };

    /// <summary>The public page the reaction is about.</summary>
    public static string Url(string about) => about switch
    {
        _ when about.StartsWith("sectie:", StringComparison.Ordinal) => $"/gids/{about["sectie:".Length..]}",
        _ when about.StartsWith("les:", StringComparison.Ordinal) => $"/lessen/{about["les:".Length..]}",
        _ => "/",
    };
}
