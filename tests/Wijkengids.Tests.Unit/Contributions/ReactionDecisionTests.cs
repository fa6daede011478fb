using JasperFx.Events;
using Wijkengids.Contributions.Moderation;
using Wijkengids.Contributions.Reactions;
using Wijkengids.SharedKernel;

namespace Wijkengids.Tests.Unit.Contributions;

/// <summary>The reaction aggregate decides moderation steps from its events alone.</summary>
public sealed class ReactionDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static Reaction Received()
    {
        var id = Guid.NewGuid();
        var sealedValue = new Sealed(id, "x");
        return Reaction.Create(new ReactionReceived(id, "sectie:1.4", id, null, sealedValue, sealedValue, null, sealedValue, ShowName: true, Now));
    }

    private static Reaction With(Reaction reaction, object change)
    {
        switch (change)
        {
            case ReactionPublished e: reaction.Apply(e); break;
            case ReactionUnpublished e: reaction.Apply(new Event<ReactionUnpublished>(e) { UserName = "opgeslagen-als" }); break;
            case ReactionHandled e: reaction.Apply(e); break;
            case ReactionMarkedAsSpam e: reaction.Apply(new Event<ReactionMarkedAsSpam>(e) { UserName = "opgeslagen-als" }); break;
            case ReactionAppealed e: reaction.Apply(e); break;
            case ReactionAppealDecided e: reaction.Apply(e); break;
            case ReactionErased e: reaction.Apply(e); break;
            case ReactionAnswered e: reaction.Apply(e); break;
            default: throw new ArgumentException(change.GetType().Name);
        }
        return reaction;
    }

    [Fact]
    public void Publishing_a_received_reaction_publishes_it_and_publishing_again_changes_nothing()
    {
        var reaction = Received();
        var published = Assert.IsType<ReactionPublished>(reaction.Publish(true, ModerationReasons.Relevant, Eva));
        Assert.Equal((reaction.Id, ModerationReasons.Relevant), (published.ReactionId, published.ReasonCode));
        With(reaction, published);
        Assert.Null(reaction.Publish(true, ModerationReasons.Relevant, Eva));
        var unpublished = Assert.IsType<ReactionUnpublished>(reaction.Publish(false, ModerationReasons.OffTopic, Eva, "  Gaat over iets anders. "));
        Assert.Equal((ModerationReasons.OffTopic, Eva, "Gaat over iets anders."), (unpublished.ReasonCode, unpublished.DecidedBy, unpublished.Note));
    }

    [Fact]
    public void Spam_carries_its_reason_takes_the_reaction_offline_and_cannot_be_published()
    {
        var reaction = With(Received(), new ReactionPublished(Guid.Empty));
        var spam = reaction.MarkAsSpam("  reclame voor een webwinkel ", Eva);
        Assert.Equal(("reclame voor een webwinkel", ModerationReasons.Spam, Eva), (spam!.Reason, spam.ReasonCode, spam.DecidedBy));
        With(reaction, spam);
        Assert.False(reaction.Published);
        Assert.Null(reaction.MarkAsSpam("nog eens", Eva));
        Assert.Throws<RuleViolationException>(() => reaction.Publish(true, ModerationReasons.Relevant, Eva));
        Assert.Throws<RuleViolationException>(() => reaction.Answer("Dank u", isPublic: true, Now));
    }

    [Fact]
    public void An_answer_carries_its_text_visibility_and_moment()
    {
        var answered = Received().Answer("  Dank voor uw aanvulling. ", isPublic: false, Now);
        Assert.Equal(("Dank voor uw aanvulling.", false, Now), (answered.Answer, answered.Public, answered.AnsweredAt));
    }

    [Fact]
    public void Handling_twice_records_one_event()
    {
        var reaction = Received();
        var handled = reaction.Handle(ModerationReasons.Included);
        Assert.Equal(ModerationReasons.Included, handled!.ReasonCode);
        With(reaction, handled);
        Assert.Null(reaction.Handle(ModerationReasons.Answered));
    }

    [Fact]
    public void An_erased_reaction_is_offline_and_takes_no_further_step()
    {
        var reaction = With(Received(), new ReactionPublished(Guid.Empty));
        var erased = reaction.Erase(Now);
        Assert.Equal(Now, erased!.ErasedAt);
        With(reaction, erased);
        Assert.False(reaction.Published);
        Assert.Null(reaction.Erase(Now));
        Assert.Throws<RuleViolationException>(() => reaction.Publish(true, ModerationReasons.Relevant, Eva));
        Assert.Throws<RuleViolationException>(() => reaction.Handle(ModerationReasons.Answered));
    }

    [Fact]
    public void A_public_answer_needs_a_published_reaction_and_an_answer_by_mail_does_not()
    {
        var reaction = Received();
        var refused = Assert.Throws<RuleViolationException>(() => reaction.Answer("Dank u", isPublic: true, Now));
        Assert.Contains("niet gepubliceerd", refused.Message);
        Assert.False(reaction.Answer("Dank u", isPublic: false, Now).Public);
        With(reaction, new ReactionPublished(reaction.Id));
        Assert.True(reaction.Answer("Dank u", isPublic: true, Now).Public);
    }

    [Fact]
    public void The_sender_objects_once_to_a_removal_and_only_another_editor_decides()
    {
        var reaction = Received();
        Assert.Throws<RuleViolationException>(() => reaction.Object(Motivation(reaction), Now)); // nothing was removed
        With(reaction, new ReactionPublished(reaction.Id));
        With(reaction, reaction.Publish(false, ModerationReasons.Duplicate, Eva)!);
        Assert.Throws<RuleViolationException>(() => reaction.DecideAppeal(true, null, Ruud, Now)); // no objection yet

        var objected = reaction.Object(Motivation(reaction), Now);
        With(reaction, objected);
        Assert.Equal(Appeals.Open, reaction.Appeal);
        Assert.Throws<RuleViolationException>(() => reaction.Object(Motivation(reaction), Now)); // once
        var own = Assert.Throws<RuleViolationException>(() => reaction.DecideAppeal(true, null, Eva, Now));
        Assert.Contains("andere redacteur", own.Message);

        var decided = reaction.DecideAppeal(true, "  Toch relevant. ", Ruud, Now);
        Assert.Equal((true, ModerationReasons.Corrected, "Toch relevant.", Ruud), (decided.Granted, decided.ReasonCode, decided.Explanation, decided.DecidedBy));
        With(reaction, decided);
        Assert.True(reaction.Published);
        Assert.Equal(Appeals.Granted, reaction.Appeal);
        Assert.Throws<RuleViolationException>(() => reaction.DecideAppeal(false, null, Ruud, Now));
    }

    [Fact]
    public void A_removal_recorded_before_the_decider_was_in_the_data_takes_the_editor_from_the_event()
    {
        var reaction = With(Received(), new ReactionMarkedAsSpam(Guid.Empty, "reclame"));
        With(reaction, reaction.Object(Motivation(reaction), Now));
        Assert.Throws<RuleViolationException>(() => reaction.DecideAppeal(false, null, "opgeslagen-als", Now));
        var dismissed = reaction.DecideAppeal(false, null, Ruud, Now);
        With(reaction, dismissed);
        Assert.Equal((Appeals.Dismissed, true), (reaction.Appeal, reaction.Spam));
    }

    private const string Eva = "eva", Ruud = "ruud";

    private static Sealed Motivation(Reaction reaction) => new(reaction.Subject, "versleuteld");
}
