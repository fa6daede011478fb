using Wijkengids.Contributions.Contracts;
using Wijkengids.SharedKernel;

namespace Wijkengids.Contributions.Proposals;

// Events of a proposal's stream. The proposer's name and their own words to the editors (motivation, answers) are
// personal data, sealed with the proposer's account key (docs/adr/0007). The proposed text itself is meant to become
// guide content and is kept in clear (docs/adr/0015).

/// <summary>A contributor sent a proposal, based on published revision <see cref="BaseRevision"/> of the lesson (0 for a new lesson).</summary>
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
    Sealed Motivation) : IDescribedEvent
{
    public string Describe() => $"Voorstel ingediend: {ProposalKinds.DutchName(Kind)}";
}

/// <summary>An editor asked the contributor for more information.</summary>
public sealed record ProposalInformationRequested(Guid ProposalId, string Question) : IDescribedEvent
{
    public string Describe() => "Redactie vroeg om meer informatie over een voorstel";
}

/// <summary>The contributor answered and sent the proposal again, possibly with a revised text.</summary>
public sealed record ProposalResubmitted(Guid ProposalId, Sealed Answer, string? Title, string? Statement, string? Body, ProposedSource? Source)
    : IDescribedEvent
{
    public string Describe() => "Voorstel aangevuld en opnieuw ingediend";
}

/// <summary>An editor accepted the proposal; Content receives the contract message ProposalAccepted with it.</summary>
public sealed record ProposalAcceptedByEditor(Guid ProposalId, int? CurrentRevision) : IDescribedEvent
{
    public string Describe() => "Voorstel geaccepteerd en naar de redactie van de gids gestuurd";
}

/// <summary>An editor rejected the proposal; the reason is shown to the contributor.</summary>
public sealed record ProposalRejected(Guid ProposalId, string Reason) : IDescribedEvent
{
    public string Describe() => "Voorstel afgewezen";
}

/// <summary>The proposal duplicated another one and was merged into it.</summary>
public sealed record ProposalMerged(Guid ProposalId, Guid IntoProposalId, string Reason) : IDescribedEvent
{
    public string Describe() => "Voorstel samengevoegd met een ander voorstel";
}

/// <summary>Recorded on the proposal that absorbed a duplicate.</summary>
public sealed record DuplicateProposalMerged(Guid ProposalId, Guid DuplicateProposalId) : IDescribedEvent
{
    public string Describe() => "Dubbel voorstel hierin samengevoegd";
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

public static class ProposalStatuses
{
    public const string Submitted = "ingediend";
    public const string InformationRequested = "meer-informatie";
    public const string Accepted = "geaccepteerd";
    public const string Rejected = "afgewezen";
    public const string Merged = "samengevoegd";

    public static readonly IReadOnlyList<string> All = [Submitted, InformationRequested, Accepted, Rejected, Merged];

    public static bool IsOpen(string status) => status is Submitted or InformationRequested;

    public static string DutchName(string status) => status switch
    {
        Submitted => "ingediend",
        InformationRequested => "meer informatie gevraagd",
        Accepted => "geaccepteerd",
        Rejected => "afgewezen",
        Merged => "samengevoegd",
        _ => status,
    };
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
