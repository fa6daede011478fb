using System.Collections.Concurrent;
using Alba;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine.Configuration;
using Wolverine.ErrorHandling;
using Wolverine.Logging;
using Wolverine.Persistence;
using Wolverine.Runtime;
using Wolverine.Runtime.Agents;
using Wolverine.Runtime.Metrics;
using Wolverine.Runtime.Routing;
using Wolverine.Transports;

namespace Wijkengids.Tests.Integration.Infrastructure;

/// <summary>
/// Which agents (projections and subscriptions, among others) Wolverine runs on one host, as its observer hears of them
/// starting and stopping; every change is signalled, so a test waits for an assignment instead of polling for it. Wraps
/// the runtime's own observer and passes everything on to it.
/// </summary>
public sealed class AgentWatch(IWolverineObserver inner) : IWolverineObserver
{
    private readonly ConcurrentDictionary<Uri, bool> _running = new();
    private readonly object _lock = new();
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Installs the watch in a host before Wolverine starts, so that it hears of every agent.</summary>
    public static void AddTo(IServiceCollection services) => services.Insert(0, ServiceDescriptor.Singleton<IHostedService, Installer>());

    public static AgentWatch Of(IAlbaHost host) =>
        host.Services.GetRequiredService<IWolverineRuntime>().Observer as AgentWatch
        ?? throw new InvalidOperationException("Start de host met AgentWatch.AddTo.");

    /// <summary>The agents running on this host whose address has this scheme, e.g. "event-subscriptions".</summary>
    public Uri[] Running(string scheme) => _running.Keys.Where(u => u.Scheme == scheme).OrderBy(u => u.ToString()).ToArray();

    /// <summary>Waits until <paramref name="condition"/> holds, re-evaluated whenever an agent starts or stops on one of <paramref name="watches"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> state, params AgentWatch[] watches)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            // Take the signals before looking, so that a change while looking is not missed.
            var changed = watches.Select(w => w.NextChange()).ToArray();
            if (condition()) return;
            try
            {
                await Task.WhenAny(changed).WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Niet binnen {timeout.TotalSeconds:0} s: {state()}");
            }
        }
    }

    private Task NextChange()
    {
        lock (_lock) return _changed.Task;
    }

    private void Signal()
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            changed = _changed;
            _changed = NewSignal();
        }
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task AgentStarted(Uri agentUri)
    {
        await inner.AgentStarted(agentUri);
        _running[agentUri] = true;
        Signal();
    }

    public async Task AgentStopped(Uri agentUri)
    {
        await inner.AgentStopped(agentUri);
        _running.TryRemove(agentUri, out _);
        Signal();
    }

    public async Task AgentPaused(Uri agentUri, ShardFailure? failure)
    {
        await inner.AgentPaused(agentUri, failure);
        _running.TryRemove(agentUri, out _);
        Signal();
    }

    public async Task AgentReleased(Uri agentUri, ShardFailure? failure)
    {
        await inner.AgentReleased(agentUri, failure);
        _running.TryRemove(agentUri, out _);
        Signal();
    }

    public Task AgentStartFailed(Uri agentUri, ShardStartFailureReason reason, Exception exception) => inner.AgentStartFailed(agentUri, reason, exception);
    public Task AssumedLeadership() => inner.AssumedLeadership();
    public Task LostLeadership() => inner.LostLeadership();
    public Task NodeStarted() => inner.NodeStarted();
    public Task NodeStopped() => inner.NodeStopped();
    public Task AssignmentsChanged(AssignmentGrid grid, AgentCommands commands) => inner.AssignmentsChanged(grid, commands);
    public Task StaleNodes(IReadOnlyList<WolverineNode> staleNodes) => inner.StaleNodes(staleNodes);
    public Task RuntimeIsFullyStarted() => inner.RuntimeIsFullyStarted();
    public void EndpointAdded(Endpoint endpoint) => inner.EndpointAdded(endpoint);
    public void MessageRouted(Type messageType, IMessageRouter router) => inner.MessageRouted(messageType, router);
    public Task BackPressureTriggered(Endpoint endpoint, IListeningAgent agent) => inner.BackPressureTriggered(endpoint, agent);
    public Task BackPressureLifted(Endpoint endpoint) => inner.BackPressureLifted(endpoint);
    public Task ListenerLatched(Endpoint endpoint) => inner.ListenerLatched(endpoint);
    public Task CircuitBreakerTripped(Endpoint endpoint, CircuitBreakerOptions options) => inner.CircuitBreakerTripped(endpoint, options);
    public Task CircuitBreakerReset(Endpoint endpoint) => inner.CircuitBreakerReset(endpoint);
    public void PersistedCounts(Uri storeUri, PersistedCounts counts) => inner.PersistedCounts(storeUri, counts);
    public void MessageHandlingMetricsExported(MessageHandlingMetrics metrics) => inner.MessageHandlingMetricsExported(metrics);
    public void MessageCausedBy(string incomingMessageType, string outgoingMessageType, string handlerType, string? endpointUri) =>
        inner.MessageCausedBy(incomingMessageType, outgoingMessageType, handlerType, endpointUri);
    public void EventsAppended(IReadOnlyList<IEvent> events) => inner.EventsAppended(events);
    public void ConnectionBudget(ConnectionBudgetSnapshot snapshot) => inner.ConnectionBudget(snapshot);

    /// <summary>Runs first among the host's hosted services: wraps the observer before Wolverine's agents are created.</summary>
    private sealed class Installer(IWolverineRuntime runtime) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            runtime.Observer = new AgentWatch(runtime.Observer);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
