using Alba;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace Wijkengids.Tests.Integration.Infrastructure;

/// <summary>
/// Waiting for exactly what a step causes, never a fixed sleep: the messages it sends (Wolverine's message tracking) and
/// the events it stores (the progress of Marten's async daemon: the audit timeline and the hash chain).
/// </summary>
public static class Messages
{
    /// <summary>How long a step's messages, or the daemon, may take before the test fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs <paramref name="action"/> and waits until every message it caused has been handled, the deliveries of mails
    /// included: what a step sends is then all sent, and a second mail would be there already.
    /// </summary>
    public static async Task<ITrackedSession> TrackedAsync(this IAlbaHost host, Func<IMessageContext, Task> action)
    {
        var session = await host.TrackActivity().Timeout(Timeout).DoNotAssertOnExceptionsDetected().ExecuteAndWaitAsync(action);
        if (session.Status == TrackingStatus.TimedOut)
        {
            throw new TimeoutException($"Niet binnen {Timeout.TotalSeconds:0} s alle berichten van deze stap verwerkt: " +
                                       string.Join(", ", session.AllRecordsInOrder().Select(r => $"{r.MessageEventType} {r.Envelope?.Message?.GetType().Name}")));
        }
        return session;
    }

    /// <summary>Runs <paramref name="action"/>, waits until every message it caused has been handled, and returns what it returned.</summary>
    public static async Task<T> TrackedAsync<T>(this IAlbaHost host, Func<Task<T>> action)
    {
        T result = default!;
        await host.TrackedAsync(async _ => result = await action());
        return result;
    }

    /// <summary>
    /// Runs <paramref name="action"/> and waits until, for each of <paramref name="handled"/>, a message that matches it has
    /// been handled successfully, however it came: sent by the step, or taken up later by Wolverine's own agents from the
    /// durable inbox (a replayed dead letter, a message a dead node left behind). Fails after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<ITrackedSession> TrackedUntilHandledAsync(this IAlbaHost host, TimeSpan timeout, Func<IMessageContext, Task> action,
        params Func<object, bool>[] handled)
    {
        var condition = new HandledCondition(handled);
        var session = await host.TrackActivity().Timeout(timeout).DoNotAssertOnExceptionsDetected().WaitForCondition(condition)
            .ExecuteAndWaitAsync(action);
        if (!condition.IsCompleted())
        {
            throw new TimeoutException($"Niet binnen {timeout.TotalSeconds:0} s verwerkt: {condition}; gezien: " +
                                       string.Join(", ", session.AllRecordsInOrder().Select(r => $"{r.MessageEventType} {r.Envelope?.Message?.GetType().Name}")));
        }
        return session;
    }

    /// <summary>Done once, for every expectation, a message matching it has been handled successfully.</summary>
    private sealed class HandledCondition(Func<object, bool>[] expectations) : ITrackedCondition
    {
        private readonly bool[] _met = new bool[expectations.Length];

        public void Record(EnvelopeRecord record)
        {
            if (record.MessageEventType != MessageEventType.MessageSucceeded || record.Envelope?.Message is not { } message) return;
            lock (_met)
            {
                for (var i = 0; i < expectations.Length; i++) _met[i] |= expectations[i](message);
            }
        }

        public bool IsCompleted()
        {
            lock (_met) return _met.All(m => m);
        }

        public override string ToString()
        {
            lock (_met) return $"{_met.Count(m => m)} van {_met.Length} verwachte berichten";
        }
    }

    /// <summary>Publishes a message and waits until it and everything it caused has been handled.</summary>
    public static Task<ITrackedSession> PublishAndWaitAsync(this IAlbaHost host, object message) =>
        host.TrackedAsync(context => context.PublishAsync(message).AsTask());

    /// <summary>
    /// Waits until Marten's async daemon has processed every event stored so far: every projection and subscription (the
    /// audit timeline, the hash chain) has reached the event store's highest position of this moment.
    /// </summary>
    public static Task ProjectionsCaughtUpAsync(this IAlbaHost host) =>
        host.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(Timeout);
}
