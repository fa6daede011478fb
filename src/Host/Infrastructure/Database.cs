using Wijkengids.LocalPostgres;

namespace Wijkengids.Host.Infrastructure;

/// <summary>
/// Where the database comes from: the configured connection string "Wijkengids", or, in
/// Development without one, a PostgreSQL cluster of our own under .local/postgres (git-ignored).
/// Outside Development a connection string is required. See docs/adr/0005.
/// </summary>
internal static class Database
{
    public const string ConnectionName = "Wijkengids";
    public const string EmbeddedDatabaseName = "wijkengids";

    /// <param name="forCommand">
    /// A command (not the site): it attaches to the embedded server the running site started, instead of stopping it.
    /// </param>
    public static async Task<string> ResolveConnectionStringAsync(WebApplicationBuilder builder, bool forCommand)
    {
        var (connection, cluster) = await ResolveAsync(builder.Configuration, builder.Environment, forCommand);
        if (cluster is not null)
        {
            builder.Services.AddSingleton(cluster);
            builder.Services.AddHostedService<LocalClusterLifetime>();
        }
        return connection;
    }

    /// <summary>The connection string, and the embedded cluster when there is no configured one (its caller stops it).</summary>
    public static async Task<(string Connection, LocalPostgresCluster? Cluster)> ResolveAsync(IConfiguration configuration,
        IHostEnvironment environment, bool forCommand)
    {
        var configured = configuration.GetConnectionString(ConnectionName);
        if (!string.IsNullOrWhiteSpace(configured)) return (configured, null);

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Geen database ingesteld. Geef buiten Development een verbindingsgegeven op met de instelling " +
                $"ConnectionStrings:{ConnectionName} (omgevingsvariabele ConnectionStrings__{ConnectionName}).");
        }

        var folder = configuration["LocalPostgres:DataDirectory"]
                     ?? Path.Combine(ProjectRoot(environment.ContentRootPath), ".local", "postgres");
        if (forCommand && await LocalPostgresCluster.AttachToRunningAsync(folder) is { } running)
        {
            // Not ours to stop: no cluster is handed back, so nobody stops it when the command ends.
            Log($"Verbonden met de PostgreSQL die al draait op 127.0.0.1:{running.Port} (de site); die blijft draaien.");
            return (running.ConnectionString(EmbeddedDatabaseName), null);
        }
        // PostgreSQL's durable defaults: what is acknowledged survives a crash (docs/adr/0005).
        var cluster = await LocalPostgresCluster.StartAsync(folder, Log, durability: LocalPostgresDurability.Durable);
        await cluster.EnsureDatabaseAsync(EmbeddedDatabaseName);
        return (cluster.ConnectionString(EmbeddedDatabaseName), cluster);
    }

    private static void Log(string message) => Console.WriteLine($"[database] {message}");

    /// <summary>The repository root when run from source (the folder holding Wijkengids.sln), else the content root.</summary>
    internal static string ProjectRoot(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wijkengids.sln"))) return dir.FullName;
        }
        return contentRoot;
    }

    /// <summary>Stops the embedded cluster when the host stops.</summary>
    private sealed class LocalClusterLifetime(LocalPostgresCluster cluster) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => cluster.StopAsync();
    }
}
