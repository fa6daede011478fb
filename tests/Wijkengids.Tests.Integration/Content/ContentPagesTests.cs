using System.Net;
using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Content;

/// <summary>The seed import and what readers see on the public pages.</summary>
public sealed class ContentPagesTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private IAlbaHost Host => fixture.Host;

    private async Task<string> PageAsync(string url) => (await Host.Scenario(s => s.Get.Url(url))).ReadAsText();

    [Fact]
    public async Task The_seed_import_publishes_section_1_4_with_its_text_by_the_system_actor_with_reason_import()
    {
        var html = await PageAsync("/gids/1.4");
        Assert.Contains("<h1 id=\"titel\">1.4 Doel en samenstelling</h1>", html);
        Assert.Contains("<li>biedt inspiratie en ondersteuning vanuit bestaande (wetenschappelijke) kennis, praktijkervaringen en inzichten;</li>", html);
        Assert.Contains("is breed toepasbaar voor alle wijken, buurten en regio’s.", html);
        Assert.Contains("ontstaat een 'Wijkipedia’", html);
        Assert.Contains("De waaier is een beknopte samenvatting van de wijkengids", html);
        Assert.Contains("werkateliers wijkenaanpak", html);
        Assert.Contains("met als uitkomst een plan van aanpak", html);
        Assert.Contains("Laatst gewijzigd op", html);
        // Breadcrumbs: Home › Wijkengids › Hoofdstuk 1 › 1.4 (the seed gives no chapter title, so none is invented).
        Assert.Contains("<nav aria-label=\"Kruimelpad\"", html);
        Assert.Contains("<a href=\"/gids#hoofdstuk-1\">Hoofdstuk 1</a>", html);
        Assert.Contains("<li aria-current=\"page\">1.4 Doel en samenstelling</li>", html);

        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var id = await session.QueryAsync<Guid>("select id from content.mt_doc_itemstate where data->>'Number' = '1.4'");
        var events = await session.Events.FetchStreamAsync(id.Single());
        Assert.Equal(["ItemCreated", "DraftSaved", "ItemPublished"], events.Select(e => e.EventType.Name).ToArray());
        Assert.All(events, e =>
        {
            Assert.Equal("system", e.UserName);
            Assert.Equal("import", e.Headers!["reason"]?.ToString());
        });
    }

    [Fact]
    public async Task The_import_is_idempotent_a_second_run_adds_nothing()
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var before = await session.QueryAsync<long>("select count(*) from events.mt_events");
        var import = Host.Services.GetServices<IHostedService>().Single(s => s.GetType().Name == "SeedImport");
        await import.StartAsync(CancellationToken.None);
        var after = await session.QueryAsync<long>("select count(*) from events.mt_events");
        Assert.Equal(before.Single(), after.Single());
        var news = (await Host.Scenario(s => s.Get.Url("/api/content/news"))).ReadAsJson<JsonElement[]>();
        Assert.Equal(4, news.Length);
    }

    [Fact]
    public async Task The_four_news_items_show_only_the_text_the_seed_gives()
    {
        var list = await PageAsync("/nieuws");
        foreach (var title in new[] { "Fijne dagen", "Winterklaar tuintje", "Nieuwland Festival 2019", "Trots op onze Koninklijk onderscheiden vrijwilligers" })
        {
            Assert.Contains(title, list);
        }
        var festival = await PageAsync("/nieuws/nieuwland-festival-2019");
        Assert.Contains("<h1 id=\"titel\">Nieuwland Festival 2019</h1>", festival);
        Assert.Contains("Nieuws, Uitgaan", festival);
        Assert.Contains("Grup Deli Dolu &amp; Davul Zuma, Javi Escalera, Sandy…", festival);
        Assert.DoesNotContain("<time", festival); // the seed gives no date: none is invented
        Assert.Equal(404, await Host.StatusOfAsync("/nieuws/bestaat-niet"));
    }

    [Fact]
    public async Task The_home_page_shows_the_published_introduction()
    {
        var html = await PageAsync("/");
        Assert.Contains("<h1 id=\"intro-titel\">De wijkengids?</h1>", html);
        Assert.Contains("<h2>Wat lees ik in de wijkengids?</h2>", html);
    }

    [Fact]
    public async Task Table_of_contents_themes_and_waaier_list_what_is_published()
    {
        var toc = await PageAsync("/gids");
        Assert.Contains("<h2 id=\"hoofdstuk-1\">Hoofdstuk 1</h2>", toc);
        Assert.Contains("href=\"/gids/1.4\"", toc);
        var themes = await PageAsync("/themas");
        foreach (var theme in new[] { "participatie", "veiligheid", "wonen", "zorg", "werk" }) Assert.Contains($"href=\"/themas/{theme}\"", themes);
        Assert.Contains("nog geen gepubliceerde lessen", await PageAsync("/themas/werk"));
        Assert.Equal(404, await Host.StatusOfAsync("/themas/bestaat-niet"));
        Assert.Contains("<h1>De waaier</h1>", await PageAsync("/waaier"));
    }

    [Fact]
    public async Task A_lesson_page_shows_statement_sources_themes_sections_and_prev_next_between_sections()
    {
        var eva = await Host.LoginAsRoleAsync("editor");
        var ruud = await Host.NewEditorAsync("ruud-pages@example.nl", "Ruud Revisor");
        await Host.PublishAsync(eva, ruud, "chapter", new { title = "Aanpak", number = "3", body = "", summary = new[] { "Begin klein.", "Werk samen." } });
        await Host.PublishAsync(eva, ruud, "section", new { title = "Eerste stap", number = "3.1", body = "Over de eerste stap." });
        await Host.PublishAsync(eva, ruud, "section", new { title = "Tweede stap", number = "3.2", body = "Over de tweede stap." });
        await Host.PublishAsync(eva, ruud, "section", new { title = "Tiende stap", number = "3.10", body = "Over de tiende stap." });
        var lesson = await Host.PublishAsync(eva, ruud, "lesson", ContentApi.Lesson("Samen optrekken", "Zoek **bondgenoten**.",
            "Bewoners en professionals trekken samen op.", ["participatie", "wonen"], ["3.2"],
            [new { title = "Wijken in beweging", author = "Platform31", year = 2011, link = "https://www.platform31.nl", kind = "onderzoek" }]));

        var html = await PageAsync($"/lessen/{lesson.Str("slug")}");
        Assert.Contains("<p class=\"statement\">Bewoners en professionals trekken samen op.</p>", html);
        Assert.Contains("<strong>bondgenoten</strong>", html);
        Assert.Contains("<a href=\"https://www.platform31.nl\">Wijken in beweging</a>", html);
        Assert.Contains("onderzoek", html);
        Assert.Contains("<a href=\"/themas/participatie\">participatie</a>", html);
        Assert.Contains("<a href=\"/gids/3.2\">3.2 Tweede stap</a>", html);
        Assert.Contains("verschijnt in de volgende update", html);

        var section = await PageAsync("/gids/3.2");
        Assert.Contains($"href=\"/lessen/{lesson.Str("slug")}\"", section);
        Assert.Contains("<a rel=\"prev\" href=\"/gids/3.1\">Vorige: 3.1 Eerste stap</a>", section);
        Assert.Contains("<a rel=\"next\" href=\"/gids/3.10\">Volgende: 3.10 Tiende stap</a>", section);
        Assert.Contains("Hoofdstuk 3: Aanpak", section);
        Assert.Contains("Begin klein.", await PageAsync("/waaier"));
        Assert.Contains("Samen optrekken", await PageAsync("/themas/participatie"));
    }

    [Fact]
    public async Task Drafts_never_appear_on_public_pages()
    {
        var eva = await Host.LoginAsRoleAsync("editor");
        await Host.CreateAsync(eva, "section", new { title = "Geheime paragraaf", number = "8.1", body = "Concept." });
        var lesson = await Host.CreateAsync(eva, "lesson", ContentApi.Lesson("Geheime les", themes: ["zorg"]));
        Assert.Equal(404, await Host.StatusOfAsync("/gids/8.1"));
        Assert.Equal(404, await Host.StatusOfAsync($"/lessen/{lesson.Str("slug")}"));
        Assert.DoesNotContain("Geheime", await PageAsync("/gids"));
        Assert.DoesNotContain("Geheime", await PageAsync("/themas/zorg"));
    }

    [Fact]
    public async Task Public_pages_answer_304_on_a_matching_etag_until_something_is_published()
    {
        var first = await Host.Scenario(s => s.Get.Url("/gids/1.4"));
        var etag = first.Context.Response.Headers.ETag.ToString();
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.False(string.IsNullOrEmpty(first.Context.Response.Headers.LastModified.ToString()));

        await Host.Scenario(s =>
        {
            s.Get.Url("/gids/1.4");
            s.WithRequestHeader("If-None-Match", etag);
            s.StatusCodeShouldBe(HttpStatusCode.NotModified);
        });

        // A publish changes the guide version: the old ETag no longer matches and the cached page is replaced.
        var eva = await Host.LoginAsRoleAsync("editor");
        var ruud = await Host.NewEditorAsync("ruud-etag@example.nl", "Ruud Revisor");
        await Host.PublishAsync(eva, ruud, "lesson", ContentApi.Lesson("Nieuw in 1.4", sections: ["1.4"]));
        var after = await Host.Scenario(s =>
        {
            s.Get.Url("/gids/1.4");
            s.WithRequestHeader("If-None-Match", etag);
            s.StatusCodeShouldBe(200);
        });
        Assert.NotEqual(etag, after.Context.Response.Headers.ETag.ToString());
        Assert.Contains("Nieuw in 1.4", after.ReadAsText());
    }

    [Fact]
    public async Task Signed_in_editors_get_fresh_pages_without_a_shared_etag()
    {
        await PageAsync("/gids"); // cached for anonymous readers
        await PageAsync("/gids");
        var eva = await Host.LoginAsRoleAsync("editor");
        var result = await Host.Scenario(s => { s.Get.Url("/gids"); s.As(eva); });
        Assert.True(string.IsNullOrEmpty(result.Context.Response.Headers.ETag.ToString()));
        Assert.Contains("Eva Redacteur", result.ReadAsText());
    }
}
