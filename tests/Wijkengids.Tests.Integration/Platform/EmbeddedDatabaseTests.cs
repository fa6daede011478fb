using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wijkengids.LocalPostgres;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>The first of the two commands: with no connection string, Development starts its own PostgreSQL.</summary>
public sealed class EmbeddedDatabaseTests
{
    [Fact]
    public async Task Development_without_a_connection_string_starts_its_own_cluster_and_reuses_its_data()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wijkengids-embedded-" + Guid.NewGuid().ToString("N"));
        try
        {
            string adminId;
            await using (var first = await StartAsync(folder))
            {
                adminId = await AdminIdAsync(first);
                Assert.True(File.Exists(Path.Combine(folder, "pgdata", "PG_VERSION")));
            }

            await using (var second = await StartAsync(folder))
            {
                // Same data: the seeded admin is the same account, not a new one.
                Assert.Equal(adminId, await AdminIdAsync(second));
            }
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_hosts_embedded_cluster_keeps_postgresqls_durable_settings()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wijkengids-embedded-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var host = await StartAsync(folder);
            var cluster = host.Services.GetRequiredService<LocalPostgresCluster>();
            await using var connection = new NpgsqlConnection(cluster.ConnectionString());
            await connection.OpenAsync();
            foreach (var setting in new[] { "fsync", "synchronous_commit", "full_page_writes" })
            {
                await using var show = new NpgsqlCommand($"show {setting}", connection);
                Assert.Equal((setting, "on"), (setting, (string?)await show.ExecuteScalarAsync()));
            }
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Outside_development_a_missing_connection_string_is_a_clear_startup_error()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => AlbaHost.For<Program>(builder => builder.UseEnvironment("Production")));
        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains("ConnectionStrings:Wijkengids", messages);
    }

    [Fact]
    public async Task Production_never_seeds_the_development_accounts()
    {
        var connection = await TestDatabase.CreateDatabaseAsync("production");
        await using var host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Wijkengids", connection);
            builder.UseSetting("Security:MasterKey", AppFactory.MasterKey);
            builder.UseSetting("Https:Required", "false");
        });
        await host.Scenario(s =>
        {
            s.Post.Json(new { email = "admin@wijkengids.test", password = Wijkengids.Community.Contracts.DevAccounts.Password }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task Missing_server_binaries_give_one_message_naming_what_to_install()
    {
        var error = await Assert.ThrowsAsync<LocalPostgresUnavailableException>(() =>
            LocalPostgresCluster.StartAsync(Path.GetTempPath(), searchDirectories: ["/bestaat/niet"]));
        Assert.Contains("apt-get install postgresql", error.Message);
        Assert.Contains("ConnectionStrings__Wijkengids", error.Message);
    }

    private static Task<IAlbaHost> StartAsync(string folder) =>
        AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("LocalPostgres:DataDirectory", folder);
        });

    private static async Task<string> AdminIdAsync(IAlbaHost host)
    {
        var cookie = await host.LoginAsRoleAsync("admin");
        var me = await host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); });
        return me.ReadAsJson<JsonElement>().GetProperty("id").GetString()!;
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException) yield return current;
        if (e is AggregateException aggregate) foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten)) yield return inner;
    }
}
