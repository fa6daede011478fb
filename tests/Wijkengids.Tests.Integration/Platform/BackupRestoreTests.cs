using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Wijkengids.Tests.Integration.Audit;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>`backup` and `restore` (docs/adr/0072): PostgreSQL's own pg_dump and pg_restore, run as the operator would.</summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"wijkengids-{Guid.NewGuid():N}.dump");

    [Fact]
    public async Task A_backup_restored_into_a_new_database_serves_the_same_data_with_an_intact_chain()
    {
        var source = await TestDatabase.CreateDatabaseAsync("backupsource");
        var message = "Bewaar dit voor later. " + Guid.NewGuid();
        string admin;
        long last;
        await using (var site = await AppFactory.StartOnAsync(source))
        {
            admin = await site.LoginAsRoleAsync("admin");
            await site.OpenAccountAsync(admin, "Bewaarde Bea", ["contributor"]);
            var reaction = (await site.Scenario(s =>
            {
                s.Post.Json(new { about = "sectie:1.4", name = "Lia Lezer", email = "lia@example.nl", message, consent = true, showName = true })
                    .ToUrl("/api/contributions/reactions");
                s.StatusCodeShouldBe(201);
            })).ReadAsJson<JsonElement>();
            var editor = await site.LoginAsRoleAsync("editor");
            await site.Scenario(s =>
            {
                s.Post.Json(new { }).ToUrl($"/api/contributions/moderation/reactions/{reaction.GetProperty("id").GetString()}/publish");
                s.As(editor);
            });
            last = await site.LastSequenceAsync();
            await site.VerifiedThroughAsync(await site.LoginAsRoleAsync("auditor"), last);

            // While the site runs, as a backup would be made.
            var (code, output) = await RunAsync(source, "backup", _file);
            Assert.True(code == 0, output);
            Assert.Contains("hoofdsleutel", output);
        }

        var target = new NpgsqlConnectionStringBuilder(source) { Database = $"hersteld_{Guid.NewGuid():N}"[..30] }.ConnectionString;
        var (restoreCode, restoreOutput) = await RunAsync(target, "restore", _file);
        Assert.True(restoreCode == 0, restoreOutput);
        var (againCode, againOutput) = await RunAsync(target, "restore", _file);
        Assert.Equal(1, againCode);
        Assert.Contains("niet leeg", againOutput);
        Assert.Contains("--overschrijven", againOutput);

        await using var restored = await AppFactory.StartOnAsync(target);
        // The cookie of the old site still signs in: the data-protection keys came along (and the master key is the same).
        await restored.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(admin); s.StatusCodeShouldBe(200); });
        var verified = await restored.VerifiedThroughAsync(await restored.LoginAsRoleAsync("auditor"), last);
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.GetRawText());
        var accounts = (await restored.Scenario(s => { s.Get.Url("/api/community/accounts"); s.As(admin); })).ReadAsText();
        Assert.Contains("Bewaarde Bea", accounts); // personal data: the vault's keys came along
        var page = (await restored.Scenario(s => s.Get.Url("/gids/1.4"))).ReadAsText();
        Assert.Contains(message, page);
    }

    [Fact]
    public async Task Beside_the_running_development_site_the_commands_use_its_embedded_server_and_leave_it_running()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wijkengids-embedded-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var site = await AlbaHost.For<Program>(builder =>
            {
                builder.UseEnvironment("Development");
                builder.UseSetting("LocalPostgres:DataDirectory", folder);
                builder.UseSetting("Security:MasterKey", AppFactory.MasterKey);
            });
            var cookie = await site.LoginAsRoleAsync("admin");
            var server = ServerPid(folder);

            var embedded = new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development", ["ConnectionStrings__Wijkengids"] = null, ["LocalPostgres__DataDirectory"] = folder,
            };
            var (code, output) = await HostProcess.RunAsync(embedded, "backup", _file);
            Assert.True(code == 0, output);
            Assert.Contains("al draait", output);
            Assert.Equal("PGDMP", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(_file)[..5])); // pg_dump's custom format

            var (restoreCode, restoreOutput) = await HostProcess.RunAsync(embedded, "restore", _file);
            Assert.Equal(1, restoreCode);
            Assert.Contains("niet leeg", restoreOutput);

            // The same server still runs and the site still reads from it.
            Assert.Equal(server, ServerPid(folder));
            await site.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); s.StatusCodeShouldBe(200); });
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    public void Dispose()
    {
        if (File.Exists(_file)) File.Delete(_file);
    }

    private static string ServerPid(string folder) => File.ReadAllLines(Path.Combine(folder, "pgdata", "postmaster.pid"))[0];

    private static Task<(int ExitCode, string Output)> RunAsync(string connection, params string[] args) =>
        HostProcess.RunAsync(new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["ConnectionStrings__Wijkengids"] = connection }, args);
}
