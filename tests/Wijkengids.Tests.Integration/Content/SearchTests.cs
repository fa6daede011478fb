using System.Text.Json;
using Alba;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Content;

/// <summary>Dutch full-text search over published text only: stemming, accents and case, ranking, snippets, filters, paging.</summary>
public sealed class SearchTests(SearchTests.Fixture fixture) : IClassFixture<SearchTests.Fixture>
{
    /// <summary>One host with lessons published by two editors, and one draft that must never be found.</summary>
    public sealed class Fixture : HostFixture, IAsyncLifetime
    {
        public string Eva { get; private set; } = "";
        public string Ruud { get; private set; } = "";

        async Task IAsyncLifetime.InitializeAsync()
        {
            await base.InitializeAsync();
            Eva = await Host.LoginAsRoleAsync("editor");
            Ruud = await Host.NewEditorAsync("ruud-zoek@example.nl", "Ruud Revisor");
            await Host.PublishAsync(Eva, Ruud, "lesson", ContentApi.Lesson("Samenwerken met de coöperatie",
                "Een **wijk** bloeit als bewoners en de coöperatie samen optrekken.", "De coöperatie is een partner.", ["wonen"]));
            await Host.PublishAsync(Eva, Ruud, "lesson", ContentApi.Lesson("Veiligheid in de buurt",
                "Veiligheid vraagt om aandacht voor de wijk en haar straten.", "Veilig is meer dan politie.", ["veiligheid"]));
            await Host.PublishAsync(Eva, Ruud, "lesson", ContentApi.Lesson("Kinderen en spelen",
                "<script>alert('x')</script> Speelplekken maken een wijk levendig.", "Spelen verbindt."));
            for (var i = 1; i <= 12; i++)
            {
                await Host.PublishAsync(Eva, Ruud, "lesson", ContentApi.Lesson($"Pagineren {i}", "Over het onderwerp ontmoetingsplek.", "Ontmoeten."));
            }
            await Host.CreateAsync(Eva, "lesson", ContentApi.Lesson("Geheim concept over de wijk", "Geheime wijk tekst.", "Concept."));
        }
    }

    private IAlbaHost Host => fixture.Host;

    private async Task<JsonElement> SearchAsync(string query) =>
        (await Host.Scenario(s => s.Get.Url($"/api/content/search?{query}"))).ReadAsJson<JsonElement>();

    private static string[] Titles(JsonElement results) =>
        results.GetProperty("hits").EnumerateArray().Select(h => h.Str("title")).ToArray();

    [Fact]
    public async Task Stemming_finds_wijk_when_searching_wijken_and_never_finds_drafts()
    {
        var results = await SearchAsync("q=wijken");
        var titles = Titles(results);
        Assert.Contains("Samenwerken met de coöperatie", titles);
        Assert.Contains("Veiligheid in de buurt", titles);
        Assert.DoesNotContain(titles, t => t.Contains("Geheim"));
    }

    [Fact]
    public async Task Accents_and_case_are_ignored()
    {
        Assert.Contains("Samenwerken met de coöperatie", Titles(await SearchAsync("q=cooperatie")));
        Assert.Contains("Samenwerken met de coöperatie", Titles(await SearchAsync("q=COÖPERATIE")));
        // Section 1.4 from the seed: "Wijkipedia".
        Assert.Contains("Doel en samenstelling", Titles(await SearchAsync("q=WIJKIPEDIA")));
    }

    [Fact]
    public async Task Results_are_ranked_title_first_and_snippets_highlight_the_words_safely()
    {
        var results = await SearchAsync("q=veiligheid");
        var first = results.GetProperty("hits")[0];
        Assert.Equal("Veiligheid in de buurt", first.Str("title"));
        Assert.Contains("<mark>Veiligheid</mark>", first.Str("titleHtml"));
        Assert.Contains("<mark>", first.Str("snippetHtml"));

        var children = (await SearchAsync("q=speelplekken")).GetProperty("hits")[0];
        Assert.DoesNotContain("<script", children.Str("snippetHtml"));
        Assert.Contains("<mark>Speelplekken</mark>", children.Str("snippetHtml"));
        Assert.Equal("<mark>", SearchHighlightProbe(children.Str("snippetHtml")));
    }

    /// <summary>The only tag in a snippet is mark: everything else is encoded text.</summary>
    private static string SearchHighlightProbe(string html) =>
        string.Concat(System.Text.RegularExpressions.Regex.Matches(html, "<[a-z][^>]*>").Select(m => m.Value).Distinct());

    [Fact]
    public async Task Filters_by_theme_and_kind_and_pages_through_results()
    {
        Assert.Equal(["Veiligheid in de buurt"], Titles(await SearchAsync("q=wijk&theme=veiligheid")));
        Assert.DoesNotContain("Doel en samenstelling", Titles(await SearchAsync("q=wijkengids&kind=lesson")));
        Assert.Contains("Doel en samenstelling", Titles(await SearchAsync("q=wijkengids&kind=section")));

        var first = await SearchAsync("q=ontmoetingsplek");
        Assert.Equal(12, first.GetProperty("total").GetInt64());
        Assert.Equal(10, first.GetProperty("hits").GetArrayLength());
        var second = await SearchAsync("q=ontmoetingsplek&page=2");
        Assert.Equal(2, second.GetProperty("hits").GetArrayLength());
        Assert.Empty(Titles(first).Intersect(Titles(second)));
    }

    [Fact]
    public async Task Bad_search_input_is_a_problem_in_the_api_and_a_friendly_message_on_the_page()
    {
        (await Host.Scenario(s => { s.Get.Url("/api/content/search?q=x&page=0"); s.StatusCodeShouldBe(400); })).ShouldBeProblem(400);
        (await Host.Scenario(s => { s.Get.Url("/api/content/search?q=x&kind=gedicht"); s.StatusCodeShouldBe(400); })).ShouldBeProblem(400);
        var page = await Host.Scenario(s => { s.Get.Url("/zoeken?q=x&pagina=0"); s.StatusCodeShouldBe(400); });
        Assert.Contains("role=\"alert\"", page.ReadAsText());
        // Odd but harmless queries just find nothing.
        Assert.Equal(0, (await SearchAsync("q=" + Uri.EscapeDataString("\"'&|!:*()"))).GetProperty("total").GetInt64());
        Assert.Equal(0, (await SearchAsync("q=de")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task The_search_page_shows_ranked_highlighted_results_with_paging()
    {
        var html = (await Host.Scenario(s => s.Get.Url("/zoeken?q=ontmoetingsplek"))).ReadAsText();
        Assert.Contains("12 resultaten", html);
        Assert.Contains("<mark>ontmoetingsplek</mark>", html);
        Assert.Contains("Pagina 1 van 2", html);
        Assert.Contains("href=\"/zoeken?q=ontmoetingsplek&amp;thema=&amp;soort=&amp;in=&amp;pagina=2\"", html);
    }
}
