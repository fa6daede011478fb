using Microsoft.Playwright;

namespace Wijkengids.Tests.Browser;

/// <summary>A browser fixture with a chapter, a section and a lesson published by two editors.</summary>
public sealed class PublishedGuideFixture : IAsyncLifetime
{
    public BrowserFixture Browser { get; } = new();
    public string LessonUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        var fixture = Browser;
        var eva = await fixture.SignedInAsync("editor@wijkengids.test");
        var ruud = await fixture.SecondEditorAsync($"ruud-{Guid.NewGuid():N}@example.nl", "Ruud Revisor");
        await BrowserApi.PublishAsync(eva, ruud, "chapter", new { title = "Aanpak", number = "2", summary = new[] { "Begin bij de bewoners.", "Werk samen." } });
        await BrowserApi.PublishAsync(eva, ruud, "section", new { title = "Samenwerken", number = "2.1", body = "Over *samenwerken*." });
        var lesson = await BrowserApi.PublishAsync(eva, ruud, "lesson", new
        {
            title = $"Bondgenoten zoeken {Guid.NewGuid():N}"[..30], statement = "Zoek bondgenoten in de wijk.", body = "## Waarom\n\nSamen sta je sterker.",
            themes = new[] { "participatie" }, sections = new[] { "2.1", "1.4" },
            sources = new[] { new { title = "Wijken in beweging", author = "Platform31", year = 2011, link = "https://www.platform31.nl", kind = "practice" } },
        });
        LessonUrl = "/lessen/" + lesson.GetProperty("slug").GetString();

        // An edition listing everything published so far, then one more change: /updates/1 shows notes and diffs.
        await BrowserApi.PublishEditionAsync(eva, "Eerste update");
    }

    public Task DisposeAsync() => Browser.DisposeAsync();
}

/// <summary>Every public page type of the guide, checked with axe in Chromium, and readable without JavaScript.</summary>
public sealed class ContentPagesAccessibilityTests(PublishedGuideFixture guide) : IClassFixture<PublishedGuideFixture>
{
    private BrowserFixture Fixture => guide.Browser;

    public static TheoryData<string> PublicPages() =>
    [
        "/", "/gids", "/gids/1.4", "/gids/2.1", "LESSON", "/themas", "/themas/participatie", "/waaier", "/nieuws", "/nieuws/fijne-dagen",
        "/updates", "/updates/1", "/updates?sinds=0", "/zoeken", "/zoeken?q=samenwerken", "/zoeken?q=xyzzy",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Public_pages_have_no_axe_violations(string path)
    {
        var page = await Fixture.NewPageAsync();
        var response = await page.GotoAsync(path == "LESSON" ? guide.LessonUrl : path);
        Assert.Equal(200, response!.Status);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task A_reader_walks_from_the_contents_to_a_lesson_without_javascript()
    {
        var context = await Fixture.Browser.NewContextAsync(new() { BaseURL = Fixture.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Gids" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "2.1 Samenwerken" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("2.1 Samenwerken");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Bondgenoten zoeken") }).ClickAsync();
        await Assertions.Expect(page.Locator(".statement")).ToHaveTextAsync("Zoek bondgenoten in de wijk.");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Kruimelpad" }).GetByRole(AriaRole.Link, new() { Name = "Wijkengids" }).ClickAsync();
        Assert.EndsWith("/gids", page.Url);
    }
}
