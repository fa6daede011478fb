using System.Text.Json;
using Microsoft.Playwright;

namespace Wijkengids.Tests.Browser;

/// <summary>
/// Proposals and reactions in a real browser: XSS vectors typed into every field stay inert on every page that shows them,
/// a contributor follows a proposal from sent to published, and the forms and the queue pass axe.
/// </summary>
public sealed class ProposalBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Contributor = "contributor@wijkengids.test";
    private const string Editor = "editor@wijkengids.test";

    // Each vector would set window.__xss if it ran: a script element, an event-handler attribute, a javascript: link, SVG.
    private const string Script = "<script>window.__xss=1</script>";
    private const string Img = "<img src=x onerror=\"window.__xss=2\">";
    private const string Link = "<a href=\"javascript:window.__xss=3\">klik</a>";
    private const string Svg = "<svg onload=\"window.__xss=4\"></svg>";
    private const string All = Script + Img + Link + Svg;

    /// <summary>A lesson in 1.4 published by two editors (four-eyes) through the API; returns its slug and id and the second editor.</summary>
    private async Task<(string Slug, string Id, IAPIRequestContext Second)> LessonAsync(string title, string body)
    {
        var eva = await fixture.SignedInAsync(Editor);
        var second = await fixture.SecondEditorAsync($"rik-{Guid.NewGuid():N}@example.nl", "Rik Revisor");
        var lesson = await BrowserApi.PublishAsync(eva, second, "lesson",
            new { title, statement = "Een stelling.", body, sections = new[] { "1.4" }, themes = new[] { "participatie" }, sources = Array.Empty<object>() });
        return (lesson.GetProperty("slug").GetString()!, lesson.GetProperty("id").GetString()!, second);
    }

    /// <summary>Nothing ran (no dialog, no flag) and none of the vectors became an element.</summary>
    private static async Task AssertInertAsync(IPage page, string mustShow)
    {
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(mustShow);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.Equal(0, await page.Locator("main script, main img[src='x'], main svg[onload], main a[href^='javascript:'], [onerror], [onload]").CountAsync());
    }

    private static void NoDialogs(IPage page, List<string> dialogs) => page.Dialog += (_, d) => { dialogs.Add(d.Message); _ = d.DismissAsync(); };

    [Fact]
    public async Task Xss_vectors_in_every_field_of_the_reaction_and_proposal_forms_render_inert_on_every_page()
    {
        var (slug, _, _) = await LessonAsync("Veilig tonen " + Guid.NewGuid().ToString("N")[..6], "Alles wordt als tekst getoond.");
        var dialogs = new List<string>();
        var marker = Guid.NewGuid().ToString("N")[..8];

        // A contributor sends a reaction about 1.4 with vectors in every field (the e-mail address too: it only needs an @).
        var carla = await fixture.NewPageAsync();
        NoDialogs(carla, dialogs);
        await BrowserSteps.SignInAsync(carla, Contributor);
        await carla.GotoAsync("/reageren?over=sectie:1.4");
        await carla.GetByLabel("Naam", new() { Exact = true }).FillAsync("Carla <svg onload=window.__xss=5>");
        await carla.GetByLabel("E-mailadres").FillAsync("<img/src=x/onerror=window.__xss=6>@example.nl");
        await carla.GetByLabel("Organisatie (niet verplicht)").FillAsync(Img);
        await carla.GetByLabel("Uw reactie").FillAsync($"Reactie {marker} {All}");
        await carla.GetByLabel("Ik ga akkoord").CheckAsync();
        await carla.GetByRole(AriaRole.Button, new() { Name = "Reactie versturen" }).ClickAsync();
        await Assertions.Expect(carla.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw reactie is ontvangen");

        // A change proposal with vectors in title, statement, text and motivation.
        await carla.GotoAsync($"/voorstel-doen?les={slug}");
        await carla.GetByLabel("Titel", new() { Exact = true }).FillAsync($"Titel {marker} {Svg}");
        await carla.GetByLabel("Stelling (niet verplicht)").FillAsync(Img + Link);
        await carla.GetByLabel("Tekst van de les").FillAsync($"Alles wordt als tekst getoond. {All}");
        await carla.GetByLabel("Toelichting voor de redactie").FillAsync($"Toelichting {All}");
        await BrowserSteps.AssertNoAxeViolationsAsync(carla);
        await carla.GetByRole(AriaRole.Button, new() { Name = "Voorstel versturen" }).ClickAsync();
        await Assertions.Expect(carla.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw voorstel is verstuurd");
        await AssertInertAsync(carla, $"Titel {marker}");
        await Assertions.Expect(carla.Locator(".diff ins", new() { HasText = "<script>window.__xss=1</script>" })).ToBeVisibleAsync();
        var ownUrl = carla.Url;

        // A new source: a javascript: link is refused with a friendly message and the typed text comes back inert.
        await carla.GotoAsync($"/voorstel-doen?les={slug}&soort=nieuwe-bron");
        await carla.GetByLabel("Titel van de bron").FillAsync($"Bron {marker} {Script}");
        await carla.GetByLabel("Auteur of organisatie (niet verplicht)").FillAsync(Svg);
        await carla.GetByLabel("Link (niet verplicht)").FillAsync("javascript:window.__xss=7");
        await carla.GetByLabel("Toelichting voor de redactie").FillAsync(Link);
        await carla.GetByRole(AriaRole.Button, new() { Name = "Voorstel versturen" }).ClickAsync();
        await Assertions.Expect(carla.GetByRole(AriaRole.Alert)).ToContainTextAsync("http");
        await AssertInertAsync(carla, "Uw voorstel is nog niet verstuurd");
        await carla.GetByLabel("Link (niet verplicht)").FillAsync("https://example.org/bron");
        await carla.GetByRole(AriaRole.Button, new() { Name = "Voorstel versturen" }).ClickAsync();
        await Assertions.Expect(carla.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw voorstel is verstuurd");
        await AssertInertAsync(carla, $"Bron {marker}");

        // A new lesson under 1.4.
        await carla.GotoAsync("/voorstel-doen?soort=nieuwe-les&sectie=1.4");
        await carla.GetByLabel("Titel", new() { Exact = true }).FillAsync($"Nieuwe les {marker} {Script}");
        await carla.GetByLabel("Stelling (niet verplicht)").FillAsync(Svg);
        await carla.GetByLabel("Tekst van de les").FillAsync(All);
        await carla.GetByLabel("Toelichting voor de redactie").FillAsync(Img);
        await carla.GetByRole(AriaRole.Button, new() { Name = "Voorstel versturen" }).ClickAsync();
        await Assertions.Expect(carla.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw voorstel is verstuurd");
        await AssertInertAsync(carla, $"Nieuwe les {marker}");

        // The contributor's own overview and proposal page.
        await carla.GotoAsync("/mijn-bijdragen");
        await AssertInertAsync(carla, $"Reactie {marker}");
        await Assertions.Expect(carla.Locator("main")).ToContainTextAsync($"Nieuwe les {marker}");
        await carla.GotoAsync(ownUrl);
        await AssertInertAsync(carla, $"Toelichting");

        // The editors' queue and each proposal page; the editor publishes the reaction.
        var eva = await fixture.NewPageAsync();
        NoDialogs(eva, dialogs);
        await BrowserSteps.SignInAsync(eva, Editor);
        await eva.GotoAsync("/redactie/bijdragen?status=alle&voorstelstatus=alle");
        await AssertInertAsync(eva, $"Reactie {marker}");
        await Assertions.Expect(eva.Locator("main")).ToContainTextAsync("Carla <svg onload=window.__xss=5>");
        var proposalLinks = eva.Locator("table.proposals a");
        var urls = new List<string>();
        for (var i = 0; i < await proposalLinks.CountAsync(); i++) urls.Add((await proposalLinks.Nth(i).GetAttributeAsync("href"))!);
        Assert.Equal(3, urls.Count);
        foreach (var url in urls)
        {
            await eva.GotoAsync(url);
            await AssertInertAsync(eva, marker);
        }
        await eva.GotoAsync("/redactie/bijdragen?status=alle");
        await fixture.TrackedAsync(async () =>
        {
            await eva.Locator("article", new() { HasText = $"Reactie {marker}" }).GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
            await Assertions.Expect(eva.GetByRole(AriaRole.Status)).ToContainTextAsync("Reactie gepubliceerd");
        });

        // The published reaction under its section, for an anonymous reader (the page is cached: it updates once Content hears of it).
        var reader = await fixture.NewPageAsync();
        NoDialogs(reader, dialogs);
        await reader.GotoAsync("/gids/1.4");
        await Assertions.Expect(reader.Locator("main")).ToContainTextAsync(marker);
        await AssertInertAsync(reader, $"Reactie {marker}");
        await Assertions.Expect(reader.Locator(".reactions")).ToContainTextAsync("Carla <svg onload=window.__xss=5>");
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task A_contributor_follows_a_proposal_from_sent_to_accepted_to_published_in_an_edition()
    {
        var title = "Ruimte voor initiatief " + Guid.NewGuid().ToString("N")[..6];
        var (slug, lessonId, second) = await LessonAsync(title, "Geef bewoners ruimte.");

        var carla = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(carla, Contributor);
        await carla.GotoAsync($"/lessen/{slug}");
        await carla.GetByRole(AriaRole.Link, new() { Name = "Voorstel doen: verbeter deze les of voeg een bron toe" }).ClickAsync();
        await Assertions.Expect(carla.GetByLabel("Tekst van de les")).ToHaveValueAsync("Geef bewoners ruimte.");
        await carla.GetByLabel("Tekst van de les").FillAsync("Geef bewoners ruimte en vertrouwen.");
        await carla.GetByRole(AriaRole.Button, new() { Name = "Voorstel versturen" }).ClickAsync();
        await Assertions.Expect(carla.GetByRole(AriaRole.Alert)).ToContainTextAsync("Licht uw voorstel toe");
        await Assertions.Expect(carla.GetByLabel("Tekst van de les")).ToHaveValueAsync("Geef bewoners ruimte en vertrouwen.");
        await BrowserSteps.AssertNoAxeViolationsAsync(carla);
        await carla.GetByLabel("Toelichting voor de redactie").FillAsync("Vertrouwen is de kern, zo blijkt in de praktijk.");
        await carla.GetByRole(AriaRole.Button, new() { Name = "Voorstel versturen" }).ClickAsync();
        await Assertions.Expect(carla.Locator(".proposal-status")).ToHaveTextAsync("ingediend");
        await Assertions.Expect(carla.Locator(".diff ins")).ToHaveTextAsync("en vertrouwen");
        await BrowserSteps.AssertNoAxeViolationsAsync(carla);

        // An editor asks for more information; the contributor answers on their page.
        var eva = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(eva, Editor);
        await eva.GotoAsync("/redactie/bijdragen");
        await BrowserSteps.AssertNoAxeViolationsAsync(eva);
        await eva.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await BrowserSteps.AssertNoAxeViolationsAsync(eva);
        await eva.GetByRole(AriaRole.Button, new() { Name = "Afwijzen" }).ClickAsync();
        await Assertions.Expect(eva.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kies een reden");
        await eva.GetByLabel("Vraag om meer informatie").FillAsync("Heeft u een voorbeeld?");
        await eva.GetByRole(AriaRole.Button, new() { Name = "Vraag versturen" }).ClickAsync();
        await Assertions.Expect(eva.GetByRole(AriaRole.Status)).ToContainTextAsync("Vraag verstuurd");

        await carla.GotoAsync("/mijn-bijdragen");
        await Assertions.Expect(carla.Locator("table.my-proposals")).ToContainTextAsync("Heeft u een voorbeeld?");
        await BrowserSteps.AssertNoAxeViolationsAsync(carla);
        await carla.GetByRole(AriaRole.Link, new() { Name = $"wijziging van een les: {title}" }).ClickAsync();
        await carla.GetByLabel("Uw antwoord op").FillAsync("In Rotterdam-Zuid werkte dit goed.");
        await carla.GetByRole(AriaRole.Button, new() { Name = "Antwoord versturen en opnieuw indienen" }).ClickAsync();
        await Assertions.Expect(carla.GetByRole(AriaRole.Status)).ToContainTextAsync("ligt weer bij de redactie");
        await Assertions.Expect(carla.Locator(".proposal-status")).ToHaveTextAsync("ingediend");

        // The editor accepts: Content gets a draft with attribution (through Wolverine and the outbox).
        await eva.ReloadAsync();
        await eva.GetByLabel("Toelichting bij accepteren (niet verplicht)").FillAsync("Goede aanvulling.");
        await fixture.TrackedAsync(async () =>
        {
            await eva.GetByRole(AriaRole.Button, new() { Name = "Accepteren" }).ClickAsync();
            await Assertions.Expect(eva.GetByRole(AriaRole.Status)).ToContainTextAsync("Voorstel geaccepteerd");
        });
        await carla.GotoAsync("/mijn-bijdragen");
        await Assertions.Expect(carla.Locator("main")).ToContainTextAsync("concept bij de redactie");
        await Assertions.Expect(carla.Locator("table.my-proposals")).ToContainTextAsync("geaccepteerd");

        // Editors review and publish in Content (the acceptor wrote the draft, so the second editor approves), then an edition.
        var evaApi = await fixture.SignedInAsync(Editor);
        var item = await evaApi.SendAsync("GET", $"/api/content/items/{lessonId}", null);
        Assert.Equal("Geef bewoners ruimte en vertrouwen.", item.GetProperty("text").GetProperty("body").GetString());
        item = await evaApi.SendAsync("POST", $"/api/content/items/{lessonId}/submit", new { expectedVersion = item.GetProperty("version").GetInt64() });
        item = await second.SendAsync("POST", $"/api/content/items/{lessonId}/approve", new { expectedVersion = item.GetProperty("version").GetInt64() });
        await second.SendAsync("POST", $"/api/content/items/{lessonId}/publish", new { expectedVersion = item.GetProperty("version").GetInt64() });
        await carla.GotoAsync("/mijn-bijdragen");
        await Assertions.Expect(carla.Locator("table.my-proposals")).ToContainTextAsync("gepubliceerd");
        var edition = await BrowserApi.PublishEditionAsync(second, "Update met een voorstel van een lezer");

        await carla.GotoAsync("/mijn-bijdragen");
        var row = carla.Locator("table.my-proposals tr", new() { HasText = title });
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = $"update {edition}" })).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Assertions.Expect(carla.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(carla.Locator("article")).ToContainTextAsync("Geef bewoners ruimte en vertrouwen.");
        await Assertions.Expect(carla.Locator(".contributors")).ToContainTextAsync("Met bijdragen van");
    }

    [Theory]
    [InlineData("/voorstel-doen")]
    [InlineData("/voorstel-doen?soort=nieuwe-les&sectie=1.4")]
    public async Task The_proposal_forms_have_no_axe_violations(string path)
    {
        var page = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(page, Contributor);
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Voorstel doen");
        await BrowserSteps.AssertNoAxeViolationsAsync(page);
    }

    [Fact]
    public async Task The_new_source_form_has_no_axe_violations()
    {
        var (slug, _, _) = await LessonAsync("Bronnen " + Guid.NewGuid().ToString("N")[..6], "Tekst.");
        var page = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(page, Contributor);
        await page.GotoAsync($"/voorstel-doen?les={slug}&soort=nieuwe-bron");
        await Assertions.Expect(page.GetByLabel("Titel van de bron")).ToBeVisibleAsync();
        await BrowserSteps.AssertNoAxeViolationsAsync(page);
    }
}
