using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;

namespace Wijkengids.LocalPostgres;

/// <summary>
/// A PostgreSQL cluster of our own, started from the server binaries on this machine
/// (initdb/pg_ctl on PATH or under /usr/lib/postgresql/*/bin). Used by the host in
/// Development when no connection string is configured, and by the test fixtures.
/// A second start on the same folder reuses the data. See docs/adr/0005.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private readonly string _dataDirectory;
    private readonly string _binDirectory;
    private readonly string? _runAsUser;
    private bool _started;

    private LocalPostgresCluster(string dataDirectory, string binDirectory, string? runAsUser, int port)
    {
        _dataDirectory = dataDirectory;
        _binDirectory = binDirectory;
        _runAsUser = runAsUser;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => _dataDirectory;

    /// <summary>Connection string for a database of this cluster (default: postgres).</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        Pooling = true,
        MaxPoolSize = 50,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>
    /// Creates (when missing) and starts a cluster in <paramref name="dataDirectory"/>.
    /// Throws <see cref="LocalPostgresUnavailableException"/> with a clear message when
    /// the server binaries cannot be found.
    /// </summary>
    /// <param name="durability">
    /// <see cref="LocalPostgresDurability.Durable"/> (the default) keeps PostgreSQL's own durable settings;
    /// <see cref="LocalPostgresDurability.FastUnsafe"/> turns fsync, synchronous_commit and full_page_writes off, for
    /// throwaway test clusters only.
    /// </param>
    public static async Task<LocalPostgresCluster> StartAsync(string dataDirectory, Action<string>? log = null,
        IReadOnlyList<string>? searchDirectories = null, CancellationToken cancellationToken = default,
        LocalPostgresDurability durability = LocalPostgresDurability.Durable)
    {
        log ??= _ => { };
        var bin = FindBinDirectory(searchDirectories) ?? throw new LocalPostgresUnavailableException(
            "PostgreSQL-serverprogramma's (initdb, pg_ctl) niet gevonden op PATH of onder /usr/lib/postgresql/*/bin. " +
            "Installeer ze (Debian: 'apt-get install postgresql') of geef een verbindingsgegeven op met " +
            "ConnectionStrings__Wijkengids (of WIJKENGIDS_TEST_CONNECTION voor de tests).");

        dataDirectory = Path.GetFullPath(dataDirectory);
        var runAs = IsRoot() ? "postgres" : null;
        Directory.CreateDirectory(dataDirectory);
        if (runAs is not null && !OperatingSystem.IsWindows()) await ChownAsync(dataDirectory, runAs, cancellationToken);

        var pgData = Path.Combine(dataDirectory, "pgdata");
        var port = FreePort();
        var cluster = new LocalPostgresCluster(pgData, bin, runAs, port);

        if (!File.Exists(Path.Combine(pgData, "PG_VERSION")))
        {
            log($"Nieuwe PostgreSQL-cluster aanmaken in {pgData}");
            string[] initdb = ["-D", pgData, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"];
            await cluster.RunAsync("initdb", durability == LocalPostgresDurability.FastUnsafe ? [.. initdb, "--no-sync"] : initdb,
                cancellationToken);
        }

        // A previous run that was killed may have left a server running on this folder: stop it.
        if (File.Exists(Path.Combine(pgData, "postmaster.pid")))
        {
            await cluster.RunAsync("pg_ctl", ["-D", pgData, "-m", "fast", "-w", "stop"], cancellationToken, ignoreFailure: true);
            File.Delete(Path.Combine(pgData, "postmaster.pid"));
        }

        var socketDir = Path.Combine(dataDirectory, "socket");
        Directory.CreateDirectory(socketDir);
        if (runAs is not null && !OperatingSystem.IsWindows()) await ChownAsync(socketDir, runAs, cancellationToken);
        var options = $"-p {port} -h 127.0.0.1 -k {socketDir} -c max_connections=300 -c shared_buffers=128MB";
        if (durability == LocalPostgresDurability.FastUnsafe)
        {
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }
        log($"PostgreSQL starten op 127.0.0.1:{port}");
        await cluster.RunAsync("pg_ctl", ["-D", pgData, "-l", Path.Combine(dataDirectory, "postgres.log"),
            "-o", options, "-w", "-t", "60", "start"], cancellationToken);
        cluster._started = true;
        return cluster;
    }

    /// <summary>Creates a database when it does not exist yet.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        await using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "\"\"")}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        if (!_started) return;
        _started = false;
        NpgsqlConnection.ClearAllPools();
        await RunAsync("pg_ctl", ["-D", _dataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None, ignoreFailure: true);
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task RunAsync(string tool, IReadOnlyList<string> args, CancellationToken cancellationToken,
        bool ignoreFailure = false)
    {
        var executable = Path.Combine(_binDirectory, tool);
        var psi = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (_runAsUser is not null)
        {
            psi.FileName = "runuser";
            foreach (var a in new[] { "-u", _runAsUser, "--", executable }) psi.ArgumentList.Add(a);
        }
        else
        {
            psi.FileName = executable;
        }
        foreach (var a in args) psi.ArgumentList.Add(a);

        using var process = Process.Start(psi) ?? throw new LocalPostgresUnavailableException($"Kon {tool} niet starten.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && !ignoreFailure)
        {
            throw new LocalPostgresUnavailableException(
                $"{tool} mislukte (exitcode {process.ExitCode}): {await stderr}{await stdout}");
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static async Task ChownAsync(string path, string user, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo("chown", ["-R", $"{user}:", path])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        await process.WaitForExitAsync(cancellationToken);
        // The postgres user must be able to reach the folder: open up the parents it has to traverse.
        for (var dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir) && dir != "/"; dir = Path.GetDirectoryName(dir))
        {
            try
            {
                var mode = File.GetUnixFileMode(dir);
                if (!mode.HasFlag(UnixFileMode.OtherExecute)) File.SetUnixFileMode(dir, mode | UnixFileMode.OtherExecute);
            }
            catch (UnauthorizedAccessException)
            {
                // not ours to change; initdb will say so if it matters
            }
        }
    }

    /// <summary>The folder holding initdb and pg_ctl: from <paramref name="searchDirectories"/> when given, else PATH and Debian's folders.</summary>
    internal static string? FindBinDirectory(IReadOnlyList<string>? searchDirectories = null)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in searchDirectories ?? path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = Path.Combine(dir, "initdb");
            if (File.Exists(initdb) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                // Follow the symlink so that pg_ctl finds the postgres binary beside it.
                var target = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb;
                return Path.GetDirectoryName(target);
            }
        }
        const string debianRoot = "/usr/lib/postgresql";
        if (searchDirectories is null && Directory.Exists(debianRoot))
        {
            return Directory.GetDirectories(debianRoot)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault();
        }
        return null;
    }

    private static bool IsRoot() => RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>How the cluster treats a crash or a power cut.</summary>
public enum LocalPostgresDurability
{
    /// <summary>PostgreSQL's defaults (fsync, synchronous_commit and full_page_writes on): acknowledged writes survive a crash.</summary>
    Durable,

    /// <summary>fsync, synchronous_commit and full_page_writes off: fast, but a crash loses writes and may corrupt the cluster. Tests only.</summary>
    FastUnsafe,
}

public sealed class LocalPostgresUnavailableException(string message) : Exception(message);
