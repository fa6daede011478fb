using Wijkengids.Community.Subscriptions;
using Wijkengids.SharedKernel;

namespace Wijkengids.Tests.Unit.Community;

public sealed class SubscriptionDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static Subscription Requested()
    {
        var id = Guid.NewGuid();
        var requested = Subscription.Request(id, new Sealed(id, "x"), ["participatie"], Now);
        Assert.Equal(Now, requested.RequestedAt);
        return Subscription.Create(requested);
    }

    [Fact]
    public void Confirming_records_the_themes_of_the_link_and_the_moment_also_a_second_time()
    {
        var subscription = Requested();
        var confirmed = subscription.Confirm(["wonen"], Now);
        Assert.Equal(["wonen"], confirmed.Themes);
        Assert.Equal(Now, confirmed.ConfirmedAt);
        subscription.Applied(confirmed);
        Assert.Equal(SubscriptionStatus.Confirmed, subscription.Status);
        Assert.NotNull(subscription.Confirm([], Now));
    }

    [Fact]
    public void Unsubscribing_cancels_a_live_subscription_once()
    {
        var subscription = Requested();
        subscription.Applied(Assert.IsType<SubscriptionCancelled>(subscription.Cancel()));
        Assert.Null(subscription.Cancel());
    }

    [Fact]
    public void An_erased_subscription_is_erased_once_and_its_links_no_longer_work()
    {
        var subscription = Requested();
        subscription.Applied(Assert.IsType<SubscriptionErased>(subscription.Erase()));
        Assert.Null(subscription.Erase());
        Assert.Throws<RuleViolationException>(() => subscription.Confirm([], Now));
        Assert.Throws<RuleViolationException>(() => subscription.Cancel());
    }
}
