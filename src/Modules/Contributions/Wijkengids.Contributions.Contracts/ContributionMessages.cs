namespace Wijkengids.Contributions.Contracts;

/// <summary>
/// An editor accepted a proposal. Content turns it into a draft revision with attribution: a change to
/// <see cref="LessonId"/> or, when that is null, a new lesson under <see cref="SectionNumber"/> with <see cref="Themes"/>.
/// <see cref="BasedOnRevision"/> is the published revision the contributor started from (0 for a new lesson).
/// </summary>
public sealed record ProposalAccepted(
    Guid ProposalId,
    Guid? LessonId,
    string? SectionNumber,
    IReadOnlyList<string> Themes,
    string Title,
    string? Statement,
    string Body,
    IReadOnlyList<ProposedSource> Sources,
    int BasedOnRevision,
    Guid ProposerAccountId,
    string ProposerDisplayName,
    Guid AcceptedByAccountId,
    string? Reason,
    DateTimeOffset AcceptedAt);

public sealed record ProposedSource(string Title, string? Author, int? Year, string? Link, string Kind);

/// <summary>
/// The status of a reaction or proposal changed (for notifications). <see cref="Status"/> is the stable string of a
/// <see cref="ReactionStatus"/> (<see cref="Kind"/> "reactie") or a <see cref="ProposalStatus"/> ("voorstel"): "ontvangen",
/// "gepubliceerd", "geaccepteerd", "meer-informatie" and so on. It stays a string because one field carries either kind
/// (docs/adr/0096). A moderation decision carries its own code instead ("teruggetrokken", "bezwaar-gegrond"; docs/adr/0097),
/// and <see cref="StatusText"/> says it in Dutch words for people (null in messages from before). For senders without an
/// account, <see cref="ContactEmail"/> and <see cref="ContactName"/> say where a mail may go (only when the sender should get one).
/// </summary>
public sealed record ContributionStatusChanged(
    Guid ContributionId,
    string Kind,
    Guid? ContributorAccountId,
    string Status,
    string? Message,
    string Url,
    DateTimeOffset ChangedAt,
    string? ContactEmail = null,
    string? ContactName = null,
    string? StatusText = null);
