using Microsoft.Playwright;

namespace Wijkengids.Tests.Browser;

/// <summary>What editors do in the back office, in a real browser: two editors, four eyes, a reader who sees the result.</summary>
public sealed class EditorialWorkflowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task One_editor_drafts_and_submits_another_approves_and_publishes_and_a_reader_sees_the_lesson()
    {
        var secondEditor = $"bram-{Guid.NewGuid():N}@example.nl";
        await fixture.SecondEditorAsync(secondEditor, "Bram Beoordelaar");
        var title = "Investeer in ontmoeting " + Guid.NewGuid().ToString("N")[..6];

        // Editor A drafts, previews and submits.
        var eva = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(eva, "editor@wijkengids.test");
        await eva.GotoAsync("/redactie");
        await eva.GetByRole(AriaRole.Link, new() { Name = "les", Exact = true }).ClickAsync();
        await eva.GetByLabel("Titel", new() { Exact = true }).FillAsync(title);
        await eva.GetByLabel("Stelling").FillAsync("Plekken om elkaar te ontmoeten maken een wijk sterker.");
        await eva.GetByLabel("Tekst", new() { Exact = true }).FillAsync("Een buurthuis is **meer** dan een gebouw.\n\n<script>alert(1)</script>");
        await eva.GetByLabel("Paragrafen").FillAsync("1.4");
        await eva.GetByLabel("participatie").CheckAsync();
        await eva.GetByLabel("Bronnen").FillAsync("Wijken in beweging | Platform31 | 2011 | https://www.platform31.nl | praktijk");
        await eva.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld tonen" }).ClickAsync();
        await Assertions.Expect(eva.Locator(".preview strong")).ToHaveTextAsync("meer");
        await Assertions.Expect(eva.GetByLabel("Titel", new() { Exact = true })).ToHaveValueAsync(title);
        await BrowserSteps.AssertNoAxeViolationsAsync(eva);
        await eva.GetByRole(AriaRole.Button, new() { Name = "Opslaan als concept" }).ClickAsync();
        await Assertions.Expect(eva.GetByRole(AriaRole.Status)).ToContainTextAsync("opgeslagen als concept");
        await BrowserSteps.AssertNoAxeViolationsAsync(eva);
        await eva.GetByRole(AriaRole.Button, new() { Name = "Ter review aanbieden" }).ClickAsync();
        await Assertions.Expect(eva.GetByRole(AriaRole.Status)).ToContainTextAsync("ter review aangeboden");
        await Assertions.Expect(eva.GetByText("een andere redacteur beoordeelt haar")).ToBeVisibleAsync();
        var editUrl = eva.Url;

        // Not yet visible to readers.
        var reader = await fixture.NewPageAsync();
        await reader.GotoAsync("/gids/1.4");
        await Assertions.Expect(reader.GetByRole(AriaRole.Link, new() { Name = title })).ToHaveCountAsync(0);

        // Editor B finds it in the review queue, approves and publishes.
        var bram = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(bram, secondEditor, "een-lang-wachtwoord");
        await bram.GotoAsync("/redactie");
        await BrowserSteps.AssertNoAxeViolationsAsync(bram);
        await bram.GetByRole(AriaRole.Region, new() { Name = "Reviewrij" }).GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await bram.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren" }).ClickAsync();
        await Assertions.Expect(bram.GetByRole(AriaRole.Status)).ToContainTextAsync("goedgekeurd");
        await bram.GetByLabel("Reden (optioneel)").FillAsync("goede aanvulling op 1.4");
        await bram.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        await Assertions.Expect(bram.GetByRole(AriaRole.Status)).ToContainTextAsync("gepubliceerd");

        // The reader now finds it under 1.4, sanitised.
        await reader.GotoAsync("/gids/1.4");
        await reader.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(reader.Locator("article strong")).ToHaveTextAsync("meer");
        await Assertions.Expect(reader.Locator("article script")).ToHaveCountAsync(0);
        await Assertions.Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Wijken in beweging" })).ToBeVisibleAsync();

        // The reader finds it by searching in Dutch ("ontmoeten" finds "ontmoeting").
        await reader.GotoAsync("/");
        await reader.GetByRole(AriaRole.Link, new() { Name = "Zoeken" }).ClickAsync();
        await reader.GetByLabel("Zoekterm").FillAsync("ontmoeting buurthuis");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Status)).ToContainTextAsync("resultaat");
        await Assertions.Expect(reader.Locator(".results mark").First).ToBeVisibleAsync();
        await BrowserSteps.AssertNoAxeViolationsAsync(reader);
        await reader.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(reader.Locator(".last-changed")).ToContainTextAsync("volgende update");

        // Editor B composes and publishes the next edition; the reader sees the lesson in it.
        await bram.GotoAsync("/redactie/updates");
        await bram.GetByLabel("Titel van de update").FillAsync("Update over ontmoeting");
        var notes = bram.GetByLabel("Wat veranderde er (één regel)");
        for (var i = 0; i < await notes.CountAsync(); i++) await notes.Nth(i).FillAsync("Nieuw in de gids.");
        await bram.GetByRole(AriaRole.Button, new() { Name = "Update samenstellen" }).ClickAsync();
        await Assertions.Expect(bram.GetByRole(AriaRole.Status)).ToContainTextAsync("is samengesteld");
        await BrowserSteps.AssertNoAxeViolationsAsync(bram);
        await bram.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Update \\d+ publiceren$") }).ClickAsync();
        await Assertions.Expect(bram.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Update over ontmoeting");

        await reader.GotoAsync("/updates");
        await reader.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Update over ontmoeting") }).ClickAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await reader.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(reader.Locator(".last-changed")).ToContainTextAsync("in update");

        // The history shows who did what, and a word-level diff after a new revision.
        await eva.GotoAsync(editUrl);
        await eva.GetByLabel("Tekst", new() { Exact = true }).FillAsync("Een buurthuis is **veel meer** dan een gebouw.");
        await eva.GetByRole(AriaRole.Button, new() { Name = "Concept opslaan" }).ClickAsync();
        await Assertions.Expect(eva.GetByRole(AriaRole.Status)).ToContainTextAsync("revisie 2");
        await eva.GetByRole(AriaRole.Link, new() { Name = "geschiedenis en verschillen" }).ClickAsync();
        await Assertions.Expect(eva.Locator(".diff ins")).ToContainTextAsync("veel");
        await Assertions.Expect(eva.GetByText("Bram Beoordelaar").First).ToBeVisibleAsync();
        await BrowserSteps.AssertNoAxeViolationsAsync(eva);
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_shows_a_conflict_keeps_the_text_and_links_to_the_current_version()
    {
        var eva = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(eva, "editor@wijkengids.test");
        // Another session (a colleague's tab): since separation of duties only an editor may write.
        var api = await fixture.SignedInAsync("editor@wijkengids.test");
        var item = await api.SendAsync("POST", "/api/content/items", new { kind = "news", text = new { title = "Buurtfeest", body = "Eerste tekst." } });
        var id = item.GetProperty("id").GetString();

        await eva.GotoAsync($"/redactie/items/{id}");
        await api.SendAsync("PUT", $"/api/content/items/{id}/draft",
            new { expectedVersion = item.GetProperty("version").GetInt64(), text = new { title = "Buurtfeest", body = "Tekst van een collega." } });

        await eva.GetByLabel("Tekst", new() { Exact = true }).FillAsync("Mijn zorgvuldige tekst.");
        await eva.GetByRole(AriaRole.Button, new() { Name = "Concept opslaan" }).ClickAsync();
        await Assertions.Expect(eva.GetByRole(AriaRole.Alert)).ToContainTextAsync("intussen gewijzigd");
        await Assertions.Expect(eva.GetByLabel("Tekst", new() { Exact = true })).ToHaveValueAsync("Mijn zorgvuldige tekst.");
        await eva.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Bekijk de huidige tekst" }).ClickAsync();
        await Assertions.Expect(eva.GetByLabel("Tekst", new() { Exact = true })).ToHaveValueAsync("Tekst van een collega.");
    }

    [Fact]
    public async Task Readers_and_contributors_cannot_open_the_back_office()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/redactie");
        Assert.Contains("/inloggen", page.Url);
        await BrowserSteps.SignInAsync(page, "contributor@wijkengids.test");
        var response = await page.GotoAsync("/redactie");
        Assert.Equal(403, response!.Status);
    }

    [Theory]
    [InlineData("/redactie/themas")]
    [InlineData("/redactie/updates")]
    [InlineData("/redactie/nieuw?soort=section")]
    [InlineData("/redactie/nieuw?soort=news")]
    [InlineData("/redactie/nieuw?soort=chapter")]
    public async Task Back_office_pages_have_no_axe_violations(string path)
    {
        var page = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(page, "editor@wijkengids.test");
        await page.GotoAsync(path);
        await BrowserSteps.AssertNoAxeViolationsAsync(page);
    }

    [Fact]
    public async Task A_form_with_errors_shows_a_dutch_summary_linked_to_the_fields()
    {
        var page = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(page, "editor@wijkengids.test");
        await page.GotoAsync("/redactie/nieuw?soort=section");
        await page.GetByLabel("Nummer").FillAsync("zeven");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan als concept" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("Vul een titel in.");
        await Assertions.Expect(alert).ToContainTextAsync("nummer als 1.4");
        await Assertions.Expect(page.GetByLabel("Nummer")).ToHaveValueAsync("zeven");
        await BrowserSteps.AssertNoAxeViolationsAsync(page);
    }
}
