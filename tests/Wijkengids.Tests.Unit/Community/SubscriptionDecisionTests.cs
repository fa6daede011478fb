using Wijkengids.Community.Subscriptions;
using Wijkengids.SharedKernel;

namespace Wijkengids.Tests.Unit.Community;

public sealed class SubscriptionDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static Subscription Requested()
    {
        var id = Guid.NewGuid();
        var requested = Subscription.Request(id, new Sealed(id, "x"), SubscriptionChoices.Everything with { Themes = ["participatie"] }, Now);
        Assert.Equal(Now, requested.RequestedAt);
        return Subscription.Create(requested);
    }

    [Fact]
    public void Confirming_records_the_themes_of_the_link_and_the_moment_also_a_second_time()
    {
        var subscription = Requested();
        var confirmed = subscription.Confirm(SubscriptionChoices.Everything with { Themes = ["wonen"] }, Now);
        Assert.Equal(["wonen"], confirmed.Themes);
        Assert.Equal(Now, confirmed.ConfirmedAt);
        subscription.Applied(confirmed);
        Assert.Equal(SubscriptionStatus.Confirmed, subscription.Status);
        Assert.NotNull(subscription.Confirm(SubscriptionChoices.Everything, Now));
    }

    [Fact]
    public void Unsubscribing_cancels_a_live_subscription_once_and_forgets_the_address()
    {
        var subscription = Requested();
        var cancelled = Assert.IsType<SubscriptionCancelled>(subscription.Cancel("hash"));
        Assert.Equal("hash", cancelled.AddressHash);
        subscription.Applied(cancelled);
        Assert.True(subscription.AddressForgotten);
        // The address is gone: an old confirmation link cannot bring the subscription back.
        Assert.Throws<RuleViolationException>(() => subscription.Confirm(SubscriptionChoices.Everything, Now));
    }

    [Fact]
    public void A_subscription_cancelled_before_addresses_were_forgotten_is_cancelled_once()
    {
        var subscription = Requested();
        subscription.Applied(new SubscriptionCancelled(subscription.Id));
        Assert.False(subscription.AddressForgotten);
        Assert.Null(subscription.Cancel("hash"));
    }

    [Fact]
    public void An_erased_subscription_is_erased_once_and_its_links_no_longer_work()
    {
        var subscription = Requested();
        subscription.Applied(Assert.IsType<SubscriptionErased>(subscription.Erase()));
        Assert.Null(subscription.Erase());
        Assert.Throws<RuleViolationException>(() => subscription.Confirm(SubscriptionChoices.Everything, Now));
        Assert.Throws<RuleViolationException>(() => subscription.Cancel("hash"));
    }

    [Fact]
    public void Confirming_records_every_choice_and_events_stored_before_the_choices_mean_everything()
    {
        var choices = new SubscriptionChoices(["wonen"], ["1"], true, SubscriptionFrequency.Weekly);
        var confirmed = Requested().Confirm(choices, Now);
        Assert.Equal(["1"], confirmed.Chapters!);
        Assert.True(confirmed.MajorOnly);
        Assert.Equal(SubscriptionFrequency.Weekly, confirmed.Frequency);

        var old = SubscriptionChoices.Of(new SubscriptionConfirmed(Guid.NewGuid(), ["wonen"]));
        Assert.Equal((string[])[], old.Chapters);
        Assert.False(old.MajorOnly);
        Assert.Equal(SubscriptionFrequency.EachUpdate, old.Frequency);
    }

    [Fact]
    public void The_choices_travel_in_the_link_and_an_older_link_holds_only_themes()
    {
        var choices = new SubscriptionChoices(["veiligheid", "wonen"], ["1", "2"], true, SubscriptionFrequency.Weekly);
        var read = SubscriptionChoices.FromPayload(choices.ToPayload().Split('|'));
        Assert.Equal(choices.Themes, read.Themes);
        Assert.Equal(choices.Chapters, read.Chapters);
        Assert.True(read.MajorOnly);
        Assert.Equal(SubscriptionFrequency.Weekly, read.Frequency);

        var older = SubscriptionChoices.FromPayload(["wonen"]);
        Assert.Equal(["wonen"], older.Themes);
        Assert.Empty(older.Chapters);
        Assert.False(older.MajorOnly);
        Assert.Equal(SubscriptionFrequency.EachUpdate, older.Frequency);
    }
}
