using System.Net.Sockets;
using Npgsql;

namespace Wijkengids.Host.Infrastructure;

/// <summary>
/// Recognises a failure to reach PostgreSQL (down, restarting, refusing connections), as opposed to a fault in a
/// query: such requests answer 503 with Retry-After and are logged as a warning (docs/adr/0083).
/// </summary>
internal static class DatabaseOutage
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 10;

    public static bool Is(Exception exception) => Chain(exception).Any(IsOutage);

    private static bool IsOutage(Exception exception) => exception switch
    {
        // Class 08: connection exceptions; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now (starting up).
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                                      || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                                          or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException npgsql => npgsql.InnerException is SocketException or IOException or TimeoutException
                                  || npgsql.Message.Contains("connection pool has been exhausted", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        var seen = 0;
        while (pending.Count > 0 && seen++ < 32)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions) pending.Push(inner);
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
