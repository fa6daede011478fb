using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wijkengids.LocalPostgres;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>
/// While PostgreSQL is down, requests that need it answer 503 with Retry-After (problem details for the API, a Dutch
/// page for the site), logged as a warning; when it is back, the site serves again (docs/adr/0083).
/// </summary>
public sealed class DatabaseOutageTests
{
    private const string ApiUrl = "/api/community/people";
    private const string PageUrl = "/mensen";

    [Fact]
    public async Task While_postgresql_is_down_requests_answer_503_with_retry_after_and_a_warning_and_serve_again_after_a_restart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wijkengids-outage-" + Guid.NewGuid().ToString("N"));
        var cluster = await LocalPostgresCluster.StartAsync(folder, durability: LocalPostgresDurability.FastUnsafe);
        try
        {
            await cluster.EnsureDatabaseAsync("outage");
            var logs = new CapturedLogs();
            await using var host = await AlbaHost.For<Program>(builder =>
            {
                builder.UseEnvironment("Development");
                builder.UseSetting("ConnectionStrings:Wijkengids", cluster.ConnectionString("outage"));
                builder.ConfigureServices(services => services.AddLogging(l => l.AddProvider(logs)));
            });
            await host.Scenario(s => { s.Get.Url(ApiUrl); s.StatusCodeShouldBeOk(); });
            await host.Scenario(s => { s.Get.Url(PageUrl); s.StatusCodeShouldBeOk(); });

            await cluster.StopAsync();

            var api = await host.Scenario(s => { s.Get.Url(ApiUrl); s.StatusCodeShouldBe(503); });
            var problem = api.ShouldBeProblem(503);
            Assert.Equal("De database is tijdelijk niet bereikbaar", problem.GetProperty("title").GetString());
            Assert.Contains("opnieuw", problem.GetProperty("detail").GetString());
            Assert.True(int.Parse(api.Context.Response.Headers.RetryAfter.ToString()) > 0);

            var page = await host.Scenario(s => { s.Get.Url(PageUrl); s.StatusCodeShouldBe(503); });
            Assert.StartsWith("text/html", page.Context.Response.ContentType);
            Assert.Contains("De database is tijdelijk niet bereikbaar", page.ReadAsText());
            Assert.True(int.Parse(page.Context.Response.Headers.RetryAfter.ToString()) > 0);

            var requestLogs = logs.Entries.Where(e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                                                      || e.Category.StartsWith("Wijkengids.Host", StringComparison.Ordinal)).ToArray();
            Assert.Contains(requestLogs, e => e.Level == LogLevel.Warning && e.Message.Contains(ApiUrl));
            Assert.Contains(requestLogs, e => e.Level == LogLevel.Warning && e.Message.Contains(PageUrl));
            Assert.DoesNotContain(requestLogs, e => e.Level >= LogLevel.Error);

            // The restart returns once PostgreSQL accepts connections (pg_ctl -w); the connections the outage broke are
            // gone from the pool (Npgsql clears it when one breaks), so the very next requests are served.
            await cluster.StartAgainAsync();
            await host.Scenario(s => { s.Get.Url(ApiUrl); s.StatusCodeShouldBeOk(); });
            await host.Scenario(s => { s.Get.Url(PageUrl); s.StatusCodeShouldBeOk(); });
        }
        finally
        {
            await cluster.StopAsync();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
