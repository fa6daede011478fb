using Wijkengids.Contributions.Contracts;

namespace Wijkengids.Contributions.Proposals;

// Events of a proposal's stream: the truth from which the Proposal aggregate and the ProposalView read model are rebuilt
// (docs/adr/0089). The proposer's name and their own words to the editors (motivation, answers) are personal data,
// sealed with the proposer's account key (docs/adr/0007). The proposed text itself is meant to become guide content and
// is kept in clear (docs/adr/0015); a proposed source (its title, author, link) is sealed like the proposer's own words
// until an editor takes it into the guide (docs/adr/0103): in SealedSource, with Source null. Fields added later are
// nullable: events stored before them load with null.

/// <summary>
/// A contributor sent a proposal, based on published revision <see cref="BaseRevision"/> of the lesson (0 for a new lesson):
/// <see cref="Base"/> is that revision's text as the contributor saw it, so the diff stays readable after the lesson moves on.
/// </summary>
public sealed record ProposalSubmitted(
    Guid ProposalId,
    string Kind,
    Guid AccountId,
    Sealed ProposerName,
    Guid? LessonId,
    string? LessonSlug,
    IReadOnlyList<string> Sections,
    IReadOnlyList<string> Themes,
    int BaseRevision,
    string? Title,
    string? Statement,
    string? Body,
    ProposedSource? Source,
    Sealed Motivation,
    string? LessonTitle = null,
    ProposalBase? Base = null,
    DateTimeOffset? SubmittedAt = null,
    Sealed? SealedSource = null) : IDescribedEvent
{
    public string Describe() => $"Voorstel ingediend: {ProposalKinds.DutchName(Kind)}";
}

/// <summary>The published text of the lesson a proposal started from.</summary>
public sealed record ProposalBase(string? Title, string? Statement, string? Body, IReadOnlyList<ProposedSource> Sources);

/// <summary>
/// Recorded once by the upgrade for a proposal submitted before <see cref="ProposalSubmitted"/> carried these facts: what
/// its read model held then (the lesson's title, the base text, when it was sent), now part of its history.
/// </summary>
public sealed record ProposalDetailsRecorded(Guid ProposalId, string? LessonTitle, ProposalBase Base, DateTimeOffset SubmittedAt)
    : IDescribedEvent
{
    public string Describe() => "Gegevens van het voorstel vastgelegd bij de overgang naar het nieuwe gegevensmodel";
}

/// <summary>An editor asked the contributor for more information.</summary>
public sealed record ProposalInformationRequested(Guid ProposalId, string Question, DateTimeOffset? At = null, string? ReasonCode = null)
    : IDescribedEvent
{
    public string Describe() => "Redactie vroeg om meer informatie over een voorstel";
}

/// <summary>The contributor answered and sent the proposal again, possibly with a revised text.</summary>
public sealed record ProposalResubmitted(Guid ProposalId, Sealed Answer, string? Title, string? Statement, string? Body, ProposedSource? Source,
    DateTimeOffset? At = null, Sealed? SealedSource = null) : IDescribedEvent
{
    public string Describe() => "Voorstel aangevuld en opnieuw ingediend";
}

/// <summary>An editor accepted the proposal, with an optional reason; Content receives the contract message ProposalAccepted with it.</summary>
public sealed record ProposalAcceptedByEditor(Guid ProposalId, int? CurrentRevision, string? Reason = null, DateTimeOffset? At = null,
    string? ReasonCode = null) : IDescribedEvent
{
    public string Describe() => "Voorstel geaccepteerd en naar de redactie van de gids gestuurd";
}

/// <summary>
/// An editor (<see cref="DecidedBy"/>) rejected the proposal, with a reason code and optional words for the contributor
/// (<see cref="Reason"/>, empty when the editor gave none). The contributor may object once.
/// </summary>
public sealed record ProposalRejected(Guid ProposalId, string Reason, DateTimeOffset? At = null, string? ReasonCode = null, string? DecidedBy = null)
    : IDescribedEvent
{
    public string Describe() => "Voorstel afgewezen";
}

/// <summary>The proposal duplicated another one and was merged into it.</summary>
public sealed record ProposalMerged(Guid ProposalId, Guid IntoProposalId, string Reason, DateTimeOffset? At = null, string? ReasonCode = null)
    : IDescribedEvent
{
    public string Describe() => "Voorstel samengevoegd met een ander voorstel";
}

/// <summary>Recorded on the proposal that absorbed a duplicate.</summary>
public sealed record DuplicateProposalMerged(Guid ProposalId, Guid DuplicateProposalId) : IDescribedEvent
{
    public string Describe() => "Dubbel voorstel hierin samengevoegd";
}

/// <summary>The proposer objected to the rejection, once, with their motivation (sealed with their key).</summary>
public sealed record ProposalAppealed(Guid ProposalId, Sealed Motivation, DateTimeOffset At) : IDescribedEvent
{
    public string Describe() => "Bezwaar gemaakt tegen de afwijzing van een voorstel";
}

/// <summary>
/// Another editor than the one who rejected decided on the objection: <see cref="Granted"/> reopens the proposal for a new
/// assessment. <see cref="Explanation"/>: optional words for the proposer.
/// </summary>
public sealed record ProposalAppealDecided(Guid ProposalId, bool Granted, string ReasonCode, string? Explanation, string DecidedBy,
    DateTimeOffset At) : IDescribedEvent
{
    public string Describe() => Granted ? "Bezwaar tegen de afwijzing van een voorstel gegrond" : "Bezwaar tegen de afwijzing van een voorstel ongegrond";
}

/// <summary>
/// The proposer's personal data was erased (AVG): their key is gone, so their name, motivation and answers can no longer
/// be read. The proposed text stays: it may be in the guide.
/// </summary>
public sealed record ProposalErased(Guid ProposalId, DateTimeOffset ErasedAt) : IDescribedEvent
{
    public string Describe() => "Persoonsgegevens bij een voorstel gewist (AVG)";
}

public static class ProposalKinds
{
    public const string Change = "wijziging";
    public const string NewLesson = "nieuwe-les";
    public const string NewSource = "nieuwe-bron";

    public static readonly IReadOnlyList<string> All = [Change, NewLesson, NewSource];

    public static string DutchName(string kind) => kind switch
    {
        Change => "wijziging van een les",
        NewLesson => "nieuwe les",
        NewSource => "nieuwe bron bij een les",
        _ => kind,
    };
}

/// <summary>What the moderation rules say about a <see cref="ProposalStatus"/> (the enum itself is in the Contracts).</summary>
public static class ProposalStatuses
{
    /// <summary>Still waiting for the editors or the proposer: submitted, or a question of the editors is open.</summary>
    public static readonly IReadOnlyList<ProposalStatus> Open = [ProposalStatus.Submitted, ProposalStatus.InformationRequested];

    public static bool IsOpen(this ProposalStatus status) => status is ProposalStatus.Submitted or ProposalStatus.InformationRequested;
}

public static class SourceKindNames
{
    public static readonly IReadOnlyList<string> All = ["research", "practice", "policy"];

    public static string DutchName(string kind) => kind switch
    {
        "research" => "onderzoek",
        "practice" => "praktijk",
        "policy" => "beleid",
        _ => kind,
    };
}

/// <summary>
/// A proposed source sealed with the proposer's key while it is theirs (docs/adr/0103): its title, author and link are
/// what the proposer wrote, so after erasure they can no longer be read, in the read model nor in the audit export.
/// </summary>
internal static class ProposedSources
{
    public static Task<Sealed> SealAsync(IPersonalDataVault vault, Guid account, ProposedSource source, CancellationToken cancellationToken) =>
        vault.SealAsync(account, System.Text.Json.JsonSerializer.Serialize(source), cancellationToken);

    /// <summary>The source, or null once the proposer was erased.</summary>
    public static async Task<ProposedSource?> RevealAsync(IQuerySession session, MasterKey masterKey, Sealed value, CancellationToken cancellationToken) =>
        await Platform.PersonalData.PersonalDataVault.RevealInProjectionAsync(session, masterKey, value, cancellationToken) is { } json
            ? System.Text.Json.JsonSerializer.Deserialize<ProposedSource>(json)
            : null;
}
