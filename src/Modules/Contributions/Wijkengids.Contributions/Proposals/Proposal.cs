using Wijkengids.Contributions.Contracts;

namespace Wijkengids.Contributions.Proposals;

/// <summary>
/// A proposal's write model, rebuilt from its stream: it decides the moderation steps and the proposer's answer and
/// returns the events to append. It holds the proposed text (meant for the guide, in clear) but no personal data.
/// </summary>
public sealed class Proposal
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Kind { get; set; } = "";
    public ProposalStatus Status { get; set; } = ProposalStatus.Submitted;
    public Guid AccountId { get; set; }
    public Guid? LessonId { get; set; }
    public List<string> Sections { get; set; } = [];
    public List<string> Themes { get; set; } = [];
    public int BaseRevision { get; set; }
    public ProposalBase? Base { get; set; }
    public string? Title { get; set; }
    public string? Statement { get; set; }
    public string? Body { get; set; }
    public ProposedSource? Source { get; set; }
    public bool Erased { get; set; }

    public static Proposal Create(ProposalSubmitted e) => new()
    {
        Id = e.ProposalId, Kind = e.Kind, AccountId = e.AccountId, LessonId = e.LessonId, Sections = [.. e.Sections], Themes = [.. e.Themes],
        BaseRevision = e.BaseRevision, Base = e.Base, Title = e.Title, Statement = e.Statement, Body = e.Body, Source = e.Source,
    };

    public void Apply(ProposalDetailsRecorded e) => Base = e.Base;
    public void Apply(ProposalInformationRequested _) => Status = ProposalStatus.InformationRequested;

    public void Apply(ProposalResubmitted e)
    {
        (Title, Statement, Body, Source) = (e.Title, e.Statement, e.Body, e.Source);
        Status = ProposalStatus.Submitted;
    }

    public void Apply(ProposalAcceptedByEditor _) => Status = ProposalStatus.Accepted;
    public void Apply(ProposalRejected _) => Status = ProposalStatus.Rejected;
    public void Apply(ProposalMerged _) => Status = ProposalStatus.Merged;
    public void Apply(DuplicateProposalMerged _) { }
    public void Apply(ProposalErased _) => Erased = true;

    public ProposalInformationRequested RequestInformation(string question, DateTimeOffset now)
    {
        EnsureOpen();
        return new ProposalInformationRequested(Id, question.Trim(), now);
    }

    /// <summary>The proposer answers; fields left empty keep the text as it was (a new source replaces the source when given).</summary>
    public ProposalResubmitted Answer(Sealed answer, string? title, string? statement, string? body, ProposedSource? source, DateTimeOffset now)
    {
        if (Status != ProposalStatus.InformationRequested)
        {
            throw new RuleViolationException("De redactie heeft geen vraag over dit voorstel openstaan; u kunt het nu niet aanvullen.");
        }
        return Kind != ProposalKinds.NewSource
            ? new ProposalResubmitted(Id, answer, Kept(title, Title), Kept(statement, Statement), Kept(body, Body), Source, now)
            : new ProposalResubmitted(Id, answer, Title, Statement, Body, source ?? Source, now);
    }

    public ProposalAcceptedByEditor Accept(int? currentRevision, string? reason, DateTimeOffset now)
    {
        EnsureOpen();
        return new ProposalAcceptedByEditor(Id, currentRevision, Blank(reason), now);
    }

    public ProposalRejected Reject(string reason, DateTimeOffset now)
    {
        EnsureOpen();
        return new ProposalRejected(Id, reason.Trim(), now);
    }

    /// <summary>Merging this open proposal into <paramref name="into"/>, which must be open too: one event for each stream.</summary>
    public (ProposalMerged Merged, DuplicateProposalMerged Absorbed) MergeInto(Proposal into, string reason, DateTimeOffset now)
    {
        EnsureOpen();
        if (into.Id == Id) throw new RuleViolationException("Een voorstel kan niet in zichzelf worden samengevoegd.");
        if (!into.Status.IsOpen()) throw new RuleViolationException("Samenvoegen kan alleen in een voorstel dat nog openstaat.");
        return (new ProposalMerged(Id, into.Id, reason.Trim(), now), new DuplicateProposalMerged(into.Id, Id));
    }

    /// <summary>The proposer's data is erased: recorded once, whatever the proposal's state.</summary>
    public ProposalErased? Erase(DateTimeOffset now) => Erased ? null : new ProposalErased(Id, now);

    private void EnsureOpen()
    {
        if (!Status.IsOpen()) throw new RuleViolationException($"Dit voorstel is al {Status.Dutch()}.");
    }

    private static string? Kept(string? given, string? current) => string.IsNullOrWhiteSpace(given) ? current : given.Trim();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
