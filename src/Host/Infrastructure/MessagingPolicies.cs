using System.Net.Sockets;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;

namespace Wijkengids.Host.Infrastructure;

/// <summary>
/// How every message handler survives routine incidents (docs/adr/0081): transient database and connection errors are
/// retried with backoff, first in place and then from the durable inbox, before the message goes to the dead letters
/// that admins see at /beheer/verzending; messages owned by a node that died are taken over within seconds.
/// </summary>
public static class MessagingPolicies
{
    /// <summary>Retries while the listener holds the message: a dropped connection or a deadlock is usually gone by then.</summary>
    public static readonly TimeSpan[] Cooldowns = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    /// <summary>Then retries scheduled in the inbox, together about four minutes: long enough for PostgreSQL to restart.</summary>
    public static readonly TimeSpan[] ScheduledRetries =
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)];

    /// <summary>SQL states that mean "try again" besides those Npgsql already calls transient (docs/adr/0081).</summary>
    private static readonly HashSet<string> TransientSqlStates =
    [
        PostgresErrorCodes.SerializationFailure, PostgresErrorCodes.DeadlockDetected, PostgresErrorCodes.LockNotAvailable,
        PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CrashShutdown, PostgresErrorCodes.CannotConnectNow,
        PostgresErrorCodes.TooManyConnections, PostgresErrorCodes.QueryCanceled,
    ];

    public static void UseResilientMessaging(this WolverineOptions options)
    {
        options.OnException(IsTransient, "tijdelijke database- of verbindingsfout")
            .RetryWithCooldown(Cooldowns)
            .Then.ScheduleRetry(ScheduledRetries)
            .Then.MoveToErrorQueue();

        // A node that stops reporting for StaleNodeTimeout is declared dead; its inbox and outbox are released to the
        // living nodes at the next sweep (Wolverine's defaults: a 10 s heartbeat and a minute before a node is stale).
        var durability = options.Durability;
        durability.HealthCheckPollingTime = TimeSpan.FromSeconds(2);
        durability.StaleNodeTimeout = TimeSpan.FromSeconds(10);
        durability.NodeReassignmentPollingTime = TimeSpan.FromSeconds(2);
        durability.OrphanedMessageSweepPollingTime = TimeSpan.FromSeconds(2);
        durability.ScheduledJobPollingTime = TimeSpan.FromSeconds(2);
    }

    /// <summary>True when this exception (or one it wraps, as Marten does) says the database or network will likely recover.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres when postgres.IsTransient || TransientSqlStates.Contains(postgres.SqlState):
                case NpgsqlException { IsTransient: true }:
                case TimeoutException or IOException or SocketException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsTransient):
                    return true;
            }
        }
        return false;
    }
}
