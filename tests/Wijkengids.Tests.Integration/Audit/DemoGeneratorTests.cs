using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Audit.Export;

namespace Wijkengids.Tests.Integration.Audit;

/// <summary>The demo generator fills several days with history across (stand-in) modules; the read side keeps up and verifies.</summary>
public sealed class DemoGeneratorTests(Infrastructure.HostFixture fixture) : IClassFixture<Infrastructure.HostFixture>
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task Demo_history_spreads_over_days_and_modules_shows_progress_and_still_verifies()
    {
        var output = new StringWriter();
        var command = new AuditCommand(output);
        var code = await command.RunAsync(["demo", "--events", "2000", "--dagen", "3"], Host.Services, CancellationToken.None);

        Assert.True(code == 0, output.ToString());
        Assert.Contains("2,000 / 2,000 geschreven", output.ToString().Replace('.', ','));
        Assert.Contains("Tijdlijn en keten bij", output.ToString());
        Assert.True(command.NeedsDatabase(["demo"]));
        Assert.False(command.NeedsDatabase(["verify", "export.csv"]));

        var auditor = await Host.LoginAsRoleAsync("auditor");
        var options = (await Host.Scenario(s => { s.Get.Url("/api/audit/filters"); s.As(auditor); })).ReadAsJson<JsonElement>();
        var modules = options.GetProperty("modules").EnumerateArray().Select(m => m.GetString()).ToArray();
        Assert.Contains("demo-content", modules);
        Assert.Contains("demo-workshops", modules);

        var checkpoints = (await Host.Scenario(s => s.Get.Url("/api/audit/checkpoints"))).ReadAsJson<JsonElement>().GetProperty("checkpoints");
        Assert.True(checkpoints.GetArrayLength() >= 3, checkpoints.ToString());
        Assert.Contains(checkpoints.EnumerateArray(), c => c.GetProperty("closed").GetBoolean());

        // A closed day as a period: exactly that day's events, newest and oldest first (the positions are bounded by the
        // day checkpoints, the times decide).
        var closed = checkpoints.EnumerateArray().First(c => c.GetProperty("closed").GetBoolean());
        var day = closed.GetProperty("day").GetString();
        var expected = closed.GetProperty("events").GetInt64();
        foreach (var order in new[] { "newest", "oldest" })
        {
            var positions = new List<long>();
            string? cursor = null;
            do
            {
                var page = await Host.TimelineAsync(auditor, $"from={day}&to={day}&order={order}&limit=500{cursor}");
                positions.AddRange(page.Positions);
                Assert.All(page.Entries, e => Assert.Equal(day,
                    TimeZoneInfo.ConvertTime(e.GetProperty("timestamp").GetDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).ToString("yyyy-MM-dd")));
                cursor = order == "newest" ? (page.OlderBefore is { } b ? $"&before={b}" : null) : (page.NewerAfter is { } a ? $"&after={a}" : null);
            } while (cursor is not null);
            Assert.Equal(expected, positions.Count);
            Assert.Equal(positions.Count, positions.Distinct().Count());
        }

        var verified = await Host.VerifiedThroughAsync(auditor, await Host.LastSequenceAsync());
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());
        Assert.True(verified.GetProperty("checked").GetInt64() >= 2000);

        var demo = await Host.TimelineAsync(auditor, "module=demo-content&limit=5");
        Assert.All(demo.Entries, e => Assert.StartsWith("Demo: les", e.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task The_demo_generator_refuses_production()
    {
        var output = new StringWriter();
        var services = new ServiceCollection()
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new ProductionEnvironment())
            .BuildServiceProvider();
        Assert.Equal(2, await new AuditCommand(output).RunAsync(["demo"], services, CancellationToken.None));
        Assert.Contains("horen niet in Production", output.ToString());
    }

    private sealed class ProductionEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
