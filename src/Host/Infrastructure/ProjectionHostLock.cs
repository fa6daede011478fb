using Npgsql;

namespace Wijkengids.Host.Infrastructure;

/// <summary>
/// Who may run the async projections on a database, as a PostgreSQL advisory lock held on a dedicated connection for
/// the host's lifetime (docs/adr/0085): a host in Solo mode holds it exclusively, hosts whose projections Wolverine
/// distributes (Wolverine:ManageProjections=true) share it. So a second Solo host, or a mix of the two modes, is
/// refused at startup. Commands take it only when no host runs; then they run the daemon themselves.
/// </summary>
internal sealed class ProjectionHostLock : IAsyncDisposable
{
    /// <summary>The advisory lock's key: "Wijkengi" in ASCII. Advisory locks are per database.</summary>
    private const long Key = 0x57696A6B656E6769;

    private readonly string _connectionString;
    private readonly bool _shared;
    private NpgsqlConnection? _connection;

    private ProjectionHostLock(string connectionString, bool shared)
    {
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            ApplicationName = "wijkengids-projectieslot",
            KeepAlive = 10,
        }.ConnectionString;
        _shared = shared;
    }

    public bool Shared => _shared;

    /// <summary>Takes the lock for a host, or fails its start with a Dutch message that says what to do.</summary>
    public static async Task<ProjectionHostLock> AcquireForHostAsync(string connectionString, bool managedProjections,
        CancellationToken cancellationToken = default)
    {
        var hostLock = new ProjectionHostLock(connectionString, shared: managedProjections);
        if (await hostLock.TryAcquireAsync(cancellationToken)) return hostLock;
        var holderIsSolo = await HeldExclusivelyAsync(hostLock._connectionString, cancellationToken);
        await hostLock.DisposeAsync();
        throw new InvalidOperationException(holderIsSolo
            ? "Er draait al een host (of een commando) in Solo-modus op deze database; Solo-modus is voor één host. " +
              "Stop die eerst, of zet op alle hosts Wolverine:ManageProjections=true (omgevingsvariabele " +
              "Wolverine__ManageProjections=true) om meerdere hosts op één database te draaien."
            : "Op deze database draaien al hosts met Wolverine:ManageProjections=true; deze host staat in Solo-modus. " +
              "Zet ook op deze host Wolverine:ManageProjections=true (omgevingsvariabele Wolverine__ManageProjections=true).");
    }

    /// <summary>For a command: the exclusive lock when no host runs on this database, else null (the hosts project).</summary>
    public static async Task<ProjectionHostLock?> TryAcquireForCommandAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var commandLock = new ProjectionHostLock(connectionString, shared: false);
        try
        {
            if (await commandLock.TryAcquireAsync(cancellationToken)) return commandLock;
        }
        catch (Exception e) when (e is NpgsqlException or IOException)
        {
            // No database (e.g. `codegen write`): the command goes without the daemon and says so itself if it needs one.
        }
        await commandLock.DisposeAsync();
        return null;
    }

    /// <summary>
    /// True while the lock's connection is alive. After a database restart the lock is gone with the connection: this
    /// takes it again (false when another host took it in between).
    /// </summary>
    public async Task<bool> EnsureHeldAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_connection is { State: System.Data.ConnectionState.Open })
            {
                await using var ping = new NpgsqlCommand("select 1", _connection);
                await ping.ExecuteScalarAsync(cancellationToken);
                return true;
            }
        }
        catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
        {
            // the connection broke (PostgreSQL restarted): take the lock again below
        }
        await CloseAsync();
        return await TryAcquireAsync(cancellationToken);
    }

    private async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                _shared ? "select pg_try_advisory_lock_shared(@key)" : "select pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                _connection = connection;
                return true;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return false;
    }

    private static async Task<bool> HeldExclusivelyAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "select exists (select 1 from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database()) " +
            "and mode = 'ExclusiveLock' and granted and ((classid::bigint << 32) | objid::bigint) = @key)", connection);
        command.Parameters.AddWithValue("key", Key);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private async Task CloseAsync()
    {
        if (_connection is null) return;
        try
        {
            await _connection.DisposeAsync();
        }
        catch (Exception e) when (e is NpgsqlException or IOException)
        {
            // already broken
        }
        _connection = null;
    }

    /// <summary>Closing the dedicated connection releases the lock.</summary>
    public ValueTask DisposeAsync() => new(CloseAsync());
}

/// <summary>Keeps the projection lock for the host's lifetime: takes it again after a database restart, releases it at stop.</summary>
internal sealed class ProjectionHostLockKeeper(ProjectionHostLock hostLock, ILogger<ProjectionHostLockKeeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var held = true;
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var now = await hostLock.EnsureHeldAsync(stoppingToken);
                if (!now && held)
                {
                    logger.LogError("Het projectieslot op de database is overgenomen door een andere host; twee hosts in Solo-modus " +
                                    "draaien nu dezelfde projecties. Stop een van beide, of gebruik Wolverine:ManageProjections=true.");
                }
                held = now;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database is unreachable: the lock went with the connection; try again at the next tick.
                logger.LogWarning("Projectieslot niet te controleren (database niet bereikbaar): {Message}", e.GetBaseException().Message);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await hostLock.DisposeAsync();
    }
}
