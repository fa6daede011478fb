using JasperFx.Events;
using Wijkengids.Contributions.Contracts;
using Wijkengids.Contributions.Moderation;

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
    /// <summary>A source proposed before sources were sealed (docs/adr/0103); otherwise null and <see cref="SealedSource"/> holds it.</summary>
    public ProposedSource? Source { get; set; }
    public Sealed? SealedSource { get; set; }
    public bool Erased { get; set; }

    /// <summary>The editor who rejected it: not the one to handle the proposer's objection.</summary>
    public string? RejectedBy { get; set; }

    /// <summary>Null, or the state of the proposer's one objection (<see cref="Appeals"/>).</summary>
    public string? Appeal { get; set; }

    public static Proposal Create(ProposalSubmitted e) => new()
    {
        Id = e.ProposalId, Kind = e.Kind, AccountId = e.AccountId, LessonId = e.LessonId, Sections = [.. e.Sections], Themes = [.. e.Themes],
        BaseRevision = e.BaseRevision, Base = e.Base, Title = e.Title, Statement = e.Statement, Body = e.Body, Source = e.Source,
        SealedSource = e.SealedSource,
    };

    public void Apply(ProposalDetailsRecorded e) => Base = e.Base;
    public void Apply(ProposalInformationRequested _) => Status = ProposalStatus.InformationRequested;

    public void Apply(ProposalResubmitted e)
    {
        (Title, Statement, Body, Source, SealedSource) = (e.Title, e.Statement, e.Body, e.Source, e.SealedSource);
        Status = ProposalStatus.Submitted;
    }

    public void Apply(ProposalAcceptedByEditor _) => Status = ProposalStatus.Accepted;
    public void Apply(IEvent<ProposalRejected> e)
    {
        Status = ProposalStatus.Rejected;
        // Events from before the decider was part of the data name them as the event's user.
        RejectedBy = e.Data.DecidedBy ?? e.UserName;
    }

    public void Apply(ProposalAppealed _) => Appeal = Appeals.Open;

    public void Apply(ProposalAppealDecided e)
    {
        Appeal = e.Granted ? Appeals.Granted : Appeals.Dismissed;
        // Granted: the rejection is undone and the proposal is open for a new assessment.
        if (e.Granted) Status = ProposalStatus.Submitted;
    }

    public void Apply(ProposalMerged _) => Status = ProposalStatus.Merged;
    public void Apply(DuplicateProposalMerged _) { }
    public void Apply(ProposalErased _) => Erased = true;

    public ProposalInformationRequested RequestInformation(string question, DateTimeOffset now)
    {
        EnsureOpen();
        return new ProposalInformationRequested(Id, question.Trim(), now, ModerationReasons.Unfounded);
    }

    /// <summary>The proposer answers; fields left empty keep the text as it was (a new source replaces the source when given).</summary>
    public ProposalResubmitted Answer(Sealed answer, string? title, string? statement, string? body, Sealed? source, DateTimeOffset now)
    {
        if (Status != ProposalStatus.InformationRequested)
        {
            throw new RuleViolationException("De redactie heeft geen vraag over dit voorstel openstaan; u kunt het nu niet aanvullen.");
        }
        return Kind != ProposalKinds.NewSource
            ? new ProposalResubmitted(Id, answer, Kept(title, Title), Kept(statement, Statement), Kept(body, Body), Source, now, SealedSource)
            : source is null
                ? new ProposalResubmitted(Id, answer, Title, Statement, Body, Source, now, SealedSource)
                : new ProposalResubmitted(Id, answer, Title, Statement, Body, null, now, source);
    }

    public ProposalAcceptedByEditor Accept(int? currentRevision, string? reason, DateTimeOffset now)
    {
        EnsureOpen();
        return new ProposalAcceptedByEditor(Id, currentRevision, Blank(reason), now, ModerationReasons.Included);
    }

    /// <summary>Rejected by <paramref name="editor"/> for <paramref name="reasonCode"/> (checked against the list), with optional words.</summary>
    public ProposalRejected Reject(string? reason, string reasonCode, string editor, DateTimeOffset now)
    {
        EnsureOpen();
        return new ProposalRejected(Id, reason?.Trim() ?? "", now, reasonCode, editor);
    }

    /// <summary>The proposer objects to the rejection, once.</summary>
    public ProposalAppealed Object(Sealed motivation, DateTimeOffset now)
    {
        EnsureNotErased();
        Appeals.EnsureCanObject(Status == ProposalStatus.Rejected, Appeal, "de afwijzing van uw voorstel");
        return new ProposalAppealed(Id, motivation, now);
    }

    /// <summary>Another editor than the one who rejected decides on the objection.</summary>
    public ProposalAppealDecided DecideAppeal(bool granted, string? explanation, string editor, DateTimeOffset now)
    {
        EnsureNotErased();
        var decision = Appeals.EnsureCanDecide(Appeal, RejectedBy, editor, granted);
        return new ProposalAppealDecided(Id, granted, decision.DefaultReason!, Blank(explanation), editor, now);
    }

    /// <summary>Merging this open proposal into <paramref name="into"/>, which must be open too: one event for each stream.</summary>
    public (ProposalMerged Merged, DuplicateProposalMerged Absorbed) MergeInto(Proposal into, string reason, DateTimeOffset now)
    {
        EnsureOpen();
        if (into.Id == Id) throw new RuleViolationException("Een voorstel kan niet in zichzelf worden samengevoegd.");
        if (!into.Status.IsOpen()) throw new RuleViolationException("Samenvoegen kan alleen in een voorstel dat nog openstaat.");
        return (new ProposalMerged(Id, into.Id, reason.Trim(), now, ModerationReasons.Duplicate), new DuplicateProposalMerged(into.Id, Id));
    }

    /// <summary>The proposer's data is erased: recorded once, whatever the proposal's state.</summary>
    public ProposalErased? Erase(DateTimeOffset now) => Erased ? null : new ProposalErased(Id, now);

    private void EnsureNotErased()
    {
        if (Erased) throw new RuleViolationException("De gegevens bij dit voorstel zijn gewist; er kan niets meer mee.");
    }

    private void EnsureOpen()
    {
        if (!Status.IsOpen()) throw new RuleViolationException($"Dit voorstel is al {Status.Dutch()}.");
    }

    private static string? Kept(string? given, string? current) => string.IsNullOrWhiteSpace(given) ? current : given.Trim();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
