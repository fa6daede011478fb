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

    public static async Task<string> ResolveConnectionStringAsync(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionName);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Geen database ingesteld. Geef buiten Development een verbindingsgegeven op met de instelling " +
                $"ConnectionStrings:{ConnectionName} (omgevingsvariabele ConnectionStrings__{ConnectionName}).");
        }

        var folder = builder.Configuration["LocalPostgres:DataDirectory"]
                     ?? Path.Combine(ProjectRoot(builder.Environment.ContentRootPath), ".local", "postgres");
        // PostgreSQL's durable defaults: what is acknowledged survives a crash (docs/adr/0005).
        var cluster = await LocalPostgresCluster.StartAsync(folder, message => Console.WriteLine($"[database] {message}"),
            durability: LocalPostgresDurability.Durable);
        await cluster.EnsureDatabaseAsync(EmbeddedDatabaseName);
        builder.Services.AddSingleton(cluster);
        builder.Services.AddHostedService<LocalClusterLifetime>();
        return cluster.ConnectionString(EmbeddedDatabaseName);
    }

    /// <summary>The repository root when run from source (the folder holding Wijkengids.sln), else the content root.</summary>
    private static string ProjectRoot(string contentRoot)
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
