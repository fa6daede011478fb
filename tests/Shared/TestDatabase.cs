using Npgsql;
using Wijkengids.LocalPostgres;

namespace Wijkengids.Tests;

/// <summary>
/// One PostgreSQL per test run: the server named by WIJKENGIDS_TEST_CONNECTION, or else a
/// throwaway cluster started from the binaries on this machine (removed when the run ends).
/// Each test host gets a database of its own (one test class's, or a shared collection's), so hosts run in parallel
/// without seeing each other.
/// </summary>
public static class TestDatabase
{
    public const string EnvironmentVariable = "WIJKENGIDS_TEST_CONNECTION";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _serverConnection;
    private static LocalPostgresCluster? _cluster;
    private static string? _clusterFolder;

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var server = await ServerAsync();
        var name = $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task<string> ServerAsync()
    {
        if (_serverConnection is not null) return _serverConnection;
        await Gate.WaitAsync();
        try
        {
            if (_serverConnection is not null) return _serverConnection;
            var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(given))
            {
                _serverConnection = given;
                return given;
            }
            _clusterFolder = Path.Combine(Path.GetTempPath(), "wijkengids-tests", Guid.NewGuid().ToString("N"));
            // A throwaway cluster: speed over durability (the host's embedded cluster stays durable).
            _cluster = await LocalPostgresCluster.StartAsync(_clusterFolder, durability: LocalPostgresDurability.FastUnsafe);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => StopCluster();
            _serverConnection = _cluster.ConnectionString();
            return _serverConnection;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static void StopCluster()
    {
        try
        {
            _cluster?.StopAsync().GetAwaiter().GetResult();
            if (_clusterFolder is not null && Directory.Exists(_clusterFolder)) Directory.Delete(_clusterFolder, recursive: true);
        }
        catch
        {
            // best effort at process exit
        }
    }
}
