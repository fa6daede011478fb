using JasperFx.Events;
using Wijkengids.Contributions.Contracts;
using Wijkengids.Contributions.Moderation;
using Wijkengids.Contributions.Proposals;
using Wijkengids.SharedKernel;

namespace Wijkengids.Tests.Unit.Contributions;

/// <summary>The proposal aggregate decides moderation steps and the proposer's answer from its events alone.</summary>
public sealed class ProposalDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 11, 0, 0, TimeSpan.Zero);
    private static readonly Sealed Secret = new(Guid.NewGuid(), "x");

    private static Proposal Submitted(string kind = ProposalKinds.Change, ProposedSource? source = null) =>
        Proposal.Create(new ProposalSubmitted(Guid.NewGuid(), kind, Guid.NewGuid(), Secret, Guid.NewGuid(), "les", ["1.4"], ["wonen"], 3,
            kind == ProposalKinds.NewSource ? null : "Titel", "Stelling", kind == ProposalKinds.NewSource ? null : "Tekst", source, Secret,
            "Les", new ProposalBase("Titel", "Stelling", "Oude tekst", []), Now));

    [Fact]
    public void Every_decision_carries_its_reason_and_moment_and_a_decided_proposal_takes_no_further_step()
    {
        var proposal = Submitted();
        var accepted = proposal.Accept(currentRevision: 4, "  past goed  ", Now);
        Assert.Equal((4, "past goed", Now, ModerationReasons.Included), (accepted.CurrentRevision!.Value, accepted.Reason, accepted.At!.Value, accepted.ReasonCode));
        proposal.Apply(accepted);
        Assert.Equal(ProposalStatus.Accepted, proposal.Status);
        var refused = Assert.Throws<RuleViolationException>(() => proposal.Reject("toch niet", ModerationReasons.Duplicate, "eva", Now));
        Assert.Contains("geaccepteerd", refused.Message);
        Assert.Throws<RuleViolationException>(() => proposal.RequestInformation("waarom?", Now));
    }

    [Fact]
    public void An_answer_is_possible_only_to_an_open_question_and_keeps_what_was_left_empty()
    {
        var proposal = Submitted();
        Assert.Throws<RuleViolationException>(() => proposal.Answer(Secret, "Nieuw", null, null, null, Now));
        proposal.Apply(proposal.RequestInformation(" Welke bron? ", Now));
        Assert.Equal(ProposalStatus.InformationRequested, proposal.Status);

        var answered = proposal.Answer(Secret, " Nieuwe titel ", "", null, null, Now);
        Assert.Equal(("Nieuwe titel", "Stelling", "Tekst"), (answered.Title, answered.Statement, answered.Body));
        proposal.Apply(answered);
        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
    }

    [Fact]
    public void A_new_source_answer_replaces_the_sealed_source_only_when_one_is_given()
    {
        var first = new Sealed(Guid.NewGuid(), "bron-1");
        var proposal = Proposal.Create(new ProposalSubmitted(Guid.NewGuid(), ProposalKinds.NewSource, Guid.NewGuid(), Secret, Guid.NewGuid(), "les",
            ["1.4"], ["wonen"], 3, null, null, null, null, Secret, "Les", null, Now, first));
        proposal.Apply(proposal.RequestInformation("Welk jaar?", Now));
        var kept = proposal.Answer(Secret, null, null, null, null, Now);
        Assert.Equal((null, first), (kept.Source, kept.SealedSource));
        var better = new Sealed(Guid.NewGuid(), "bron-2");
        var replaced = proposal.Answer(Secret, null, null, null, better, Now);
        Assert.Equal((null, better), (replaced.Source, replaced.SealedSource));
    }

    [Fact]
    public void A_source_proposed_before_sources_were_sealed_is_kept_in_clear_when_the_answer_gives_none()
    {
        var first = new ProposedSource("Bron", null, 2011, null, "practice");
        var proposal = Submitted(ProposalKinds.NewSource, first);
        proposal.Apply(proposal.RequestInformation("Welk jaar?", Now));
        Assert.Equal(first, proposal.Answer(Secret, null, null, null, null, Now).Source);
    }

    [Fact]
    public void Merging_needs_two_open_proposals_and_records_on_both()
    {
        var duplicate = Submitted();
        var into = Submitted();
        Assert.Throws<RuleViolationException>(() => duplicate.MergeInto(duplicate, "zelfde", Now));
        var (merged, absorbed) = duplicate.MergeInto(into, " zelfde voorstel ", Now);
        Assert.Equal((into.Id, "zelfde voorstel"), (merged.IntoProposalId, merged.Reason));
        Assert.Equal((into.Id, duplicate.Id), (absorbed.ProposalId, absorbed.DuplicateProposalId));

        into.Apply(new Event<ProposalRejected>(into.Reject("niet nodig", ModerationReasons.Unfounded, "eva", Now)));
        Assert.Throws<RuleViolationException>(() => Submitted().MergeInto(into, "zelfde", Now));
    }

    [Fact]
    public void The_proposer_objects_once_to_a_rejection_and_a_granted_objection_opens_the_proposal_again()
    {
        var proposal = Submitted();
        Assert.Throws<RuleViolationException>(() => proposal.Object(Secret, Now)); // not rejected
        var rejected = proposal.Reject(null, ModerationReasons.Unfounded, "eva", Now);
        Assert.Equal(("", ModerationReasons.Unfounded, "eva"), (rejected.Reason, rejected.ReasonCode, rejected.DecidedBy));
        proposal.Apply(new Event<ProposalRejected>(rejected));

        proposal.Apply(proposal.Object(Secret, Now));
        Assert.Throws<RuleViolationException>(() => proposal.Object(Secret, Now)); // once
        Assert.Throws<RuleViolationException>(() => proposal.DecideAppeal(true, null, "eva", Now)); // not the one who rejected
        var granted = proposal.DecideAppeal(true, "Toch goed onderbouwd.", "ruud", Now);
        Assert.Equal((ModerationReasons.Corrected, "ruud"), (granted.ReasonCode, granted.DecidedBy));
        proposal.Apply(granted);
        Assert.Equal((ProposalStatus.Submitted, Appeals.Granted), (proposal.Status, proposal.Appeal));

        // Rejected again after the new assessment: the one objection is used.
        proposal.Apply(new Event<ProposalRejected>(proposal.Reject(null, ModerationReasons.Duplicate, "ruud", Now)));
        Assert.Throws<RuleViolationException>(() => proposal.Object(Secret, Now));
    }

    [Fact]
    public void A_rejection_recorded_before_the_decider_was_in_the_data_takes_the_editor_from_the_event()
    {
        var proposal = Submitted();
        proposal.Apply(new Event<ProposalRejected>(new ProposalRejected(proposal.Id, "oud", Now)) { UserName = "eva" });
        proposal.Apply(proposal.Object(Secret, Now));
        Assert.Throws<RuleViolationException>(() => proposal.DecideAppeal(false, null, "eva", Now));
        Assert.False(proposal.DecideAppeal(false, null, "ruud", Now).Granted);
    }

    [Fact]
    public void An_erasure_is_recorded_once()
    {
        var proposal = Submitted();
        var erased = proposal.Erase(Now);
        Assert.NotNull(erased);
        proposal.Apply(erased!);
        Assert.Null(proposal.Erase(Now));
    }
}
