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
            case ReactionUnpublished e: reaction.Apply(e); break;
            case ReactionHandled e: reaction.Apply(e); break;
            case ReactionMarkedAsSpam e: reaction.Apply(e); break;
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
        var published = Assert.IsType<ReactionPublished>(reaction.Publish(true));
        Assert.Equal(reaction.Id, published.ReactionId);
        With(reaction, published);
        Assert.Null(reaction.Publish(true));
        Assert.IsType<ReactionUnpublished>(reaction.Publish(false));
    }

    [Fact]
    public void Spam_carries_its_reason_takes_the_reaction_offline_and_cannot_be_published()
    {
        var reaction = With(Received(), new ReactionPublished(Guid.Empty));
        var spam = reaction.MarkAsSpam("  reclame voor een webwinkel ");
        Assert.Equal("reclame voor een webwinkel", spam!.Reason);
        With(reaction, spam);
        Assert.False(reaction.Published);
        Assert.Null(reaction.MarkAsSpam("nog eens"));
        Assert.Throws<RuleViolationException>(() => reaction.Publish(true));
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
        var handled = reaction.Handle();
        Assert.NotNull(handled);
        With(reaction, handled!);
        Assert.Null(reaction.Handle());
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
        Assert.Throws<RuleViolationException>(() => reaction.Publish(true));
        Assert.Throws<RuleViolationException>(() => reaction.Handle());
    }
}
