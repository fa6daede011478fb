using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.SharedKernel;

namespace Wijkengids.Tests.Integration.Content;

public sealed class DemoSeedTests(Infrastructure.HostFixture fixture) : IClassFixture<Infrastructure.HostFixture>
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task Seed_demo_fills_a_guide_marked_as_demo_that_readers_can_browse_and_search()
    {
        var command = Host.Services.GetServices<ICommandLineCommand>().Single(c => c.Name == "seed-demo");
        Assert.Equal(0, await command.RunAsync(["--lessons", "60"], Host.Services, CancellationToken.None));
        Assert.Equal(2, await command.RunAsync(["--lessons", "veel"], Host.Services, CancellationToken.None));

        var toc = (await Host.Scenario(s => s.Get.Url("/api/content/guide"))).ReadAsJson<JsonElement>();
        var demoChapter = toc.GetProperty("chapters").EnumerateArray().First(c => c.GetProperty("title").GetString()!.StartsWith("Demo: "));
        var section = demoChapter.GetProperty("sections")[0];
        Assert.True(toc.GetProperty("chapters").EnumerateArray().Sum(c => c.GetProperty("sections").EnumerateArray().Sum(s => s.GetProperty("lessons").GetInt32())) >= 60);

        var page = (await Host.Scenario(s => s.Get.Url(section.GetProperty("url").GetString()!))).ReadAsText();
        Assert.Contains("Demotekst, gegenereerd", page);
        var found = (await Host.Scenario(s => s.Get.Url("/api/content/search?q=demotekst&kind=lesson"))).ReadAsJson<JsonElement>();
        Assert.True(found.GetProperty("total").GetInt64() >= 60);

        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var reasons = await session.QueryAsync<string>(
            "select distinct headers->>'reason' from events.mt_events where type = 'content.item_created' and headers->>'reason' <> 'import'");
        Assert.Equal(["demo-data"], reasons.ToArray());
    }
}
