using Alba;
using Wolverine;
using Wolverine.Tracking;

namespace Wijkengids.Tests.Integration.Infrastructure;

/// <summary>Waiting for exactly the messages a step causes, with Wolverine's message tracking: never a fixed sleep.</summary>
public static class Messages
{
    /// <summary>
    /// Runs <paramref name="action"/> and waits until every message it caused has been handled, the deliveries of mails
    /// included: what a step sends is then all sent, and a second mail would be there already.
    /// </summary>
    public static Task<ITrackedSession> TrackedAsync(this IAlbaHost host, Func<IMessageContext, Task> action) =>
        host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).DoNotAssertOnExceptionsDetected().ExecuteAndWaitAsync(action);

    /// <summary>Publishes a message and waits until it and everything it caused has been handled.</summary>
    public static Task<ITrackedSession> PublishAndWaitAsync(this IAlbaHost host, object message) =>
        host.TrackedAsync(context => context.PublishAsync(message).AsTask());
}
