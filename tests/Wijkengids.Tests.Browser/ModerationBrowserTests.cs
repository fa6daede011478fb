using Microsoft.Playwright;

namespace Wijkengids.Tests.Browser;

/// <summary>Moderation in the open, in a real browser: a contributor objects to a rejection and sees the outcome; a reader opens the public log.</summary>
public sealed class ModerationBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Contributor = "contributor@wijkengids.test";
    private const string Editor = "editor@wijkengids.test";

    [Fact]
    public async Task A_contributor_objects_to_a_rejection_and_sees_another_editor_grant_it()
    {
        // A lesson, a proposal to change it, and its rejection: set up through the API.
        var eva = await fixture.SignedInAsync(Editor);
        var rikEmail = $"rik-{Guid.NewGuid():N}@example.nl";
        var rik = await fixture.SecondEditorAsync(rikEmail, "Rik Revisor");
        var title = "Bezwaar in de browser " + Guid.NewGuid().ToString("N")[..6];
        var lesson = await BrowserApi.PublishAsync(eva, rik, "lesson",
            new { title, statement = "Een stelling.", body = "Tekst.", sections = new[] { "1.4" }, themes = Array.Empty<string>(), sources = Array.Empty<object>() });
        var carlaApi = await fixture.SignedInAsync(Contributor);
        var proposal = await carlaApi.SendAsync("POST", "/api/contributions/proposals", new
        {
            kind = "wijziging", lesson = lesson.GetProperty("slug").GetString(), title, statement = "Een stelling.",
            body = "Tekst met een voorbeeld uit Zwolle.", motivation = "Zo werkt het in Zwolle.",
        });
        var id = proposal.GetProperty("id").GetString();
        await eva.SendAsync("POST", $"/api/contributions/moderation/proposals/{id}/reject",
            new { expectedVersion = 1, reasonCode = "onvoldoende-onderbouwd", reason = "Noem een bron." });

        // The contributor finds the rejection with its reason on their page and objects.
        var carla = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(carla, Contributor);
        await carla.GotoAsync("/mijn-bijdragen");
        var row = carla.Locator("table.my-proposals tr", new() { HasText = title });
        await row.GetByRole(AriaRole.Link, new() { Name = "bezwaar maken" }).ClickAsync();
        await Assertions.Expect(carla.Locator(".decision-reason")).ToContainTextAsync("onvoldoende onderbouwd");
        await Assertions.Expect(carla.Locator(".editor-reason")).ToContainTextAsync("Noem een bron.");
        await BrowserSteps.AssertNoAxeViolationsAsync(carla);
        await carla.GetByRole(AriaRole.Button, new() { Name = "Bezwaar versturen" }).ClickAsync();
        await Assertions.Expect(carla.GetByRole(AriaRole.Alert)).ToContainTextAsync("Schrijf waarom u het niet eens bent met het besluit.");
        await carla.GetByLabel("Waarom bent u het niet eens met het besluit?").FillAsync("De gemeente Zwolle beschrijft het in haar wijkplan.");
        await carla.GetByRole(AriaRole.Button, new() { Name = "Bezwaar versturen" }).ClickAsync();
        await Assertions.Expect(carla.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw bezwaar is verstuurd");
        await Assertions.Expect(carla.Locator(".appeal-status")).ToHaveTextAsync("bezwaar in behandeling");
        await Assertions.Expect(carla.GetByRole(AriaRole.Button, new() { Name = "Bezwaar versturen" })).ToHaveCountAsync(0);

        // Another editor than the one who rejected grants it on the proposal's page.
        var rikPage = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(rikPage, rikEmail, "een-lang-wachtwoord");
        await rikPage.GotoAsync("/redactie/bijdragen?voorstelstatus=bezwaar");
        await rikPage.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(rikPage.Locator(".appeal blockquote")).ToContainTextAsync("wijkplan");
        await BrowserSteps.AssertNoAxeViolationsAsync(rikPage);
        await rikPage.GetByLabel("Gegrond: het besluit wordt herzien").CheckAsync();
        await rikPage.GetByLabel("Toelichting voor de bijdrager (niet verplicht)").FillAsync("Het wijkplan is een goede bron.");
        await rikPage.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
        await Assertions.Expect(rikPage.GetByRole(AriaRole.Status)).ToContainTextAsync("Bezwaar gegrond");

        await carla.ReloadAsync();
        await Assertions.Expect(carla.Locator(".appeal-status")).ToHaveTextAsync("bezwaar gegrond");
        await Assertions.Expect(carla.Locator(".appeal")).ToContainTextAsync("Het wijkplan is een goede bron.");
        await Assertions.Expect(carla.Locator(".proposal-status")).ToHaveTextAsync("ingediend");
    }

    [Fact]
    public async Task A_reader_opens_the_public_moderation_log_filters_a_month_and_finds_no_names()
    {
        var eva = await fixture.SignedInAsync(Editor);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var anonymous = await fixture.SignedInAsync(Contributor);
        var sent = await anonymous.SendAsync("POST", "/api/contributions/reactions", new
        {
            about = "sectie:1.4", name = $"Naam {marker}", email = $"{marker}@example.nl", message = $"Bericht {marker}", consent = true, showName = true,
        });
        var id = sent.GetProperty("id").GetString();
        await eva.SendAsync("POST", $"/api/contributions/moderation/reactions/{id}/publish", new { expectedVersion = 1 });
        await eva.SendAsync("POST", $"/api/contributions/moderation/reactions/{id}/unpublish", new { expectedVersion = 2, reasonCode = "dubbel" });

        var reader = await fixture.NewPageAsync();
        await reader.GotoAsync("/");
        await reader.GetByRole(AriaRole.Link, new() { Name = "Moderatielogboek" }).ClickAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Moderatielogboek");
        var removed = reader.Locator("table.moderation-log tr", new() { HasText = "teruggetrokken" }).First;
        await Assertions.Expect(removed).ToContainTextAsync("dubbel");
        await Assertions.Expect(removed.GetByRole(AriaRole.Link, new() { Name = "paragraaf 1.4" })).ToHaveAttributeAsync("href", "/gids/1.4");
        await Assertions.Expect(reader.Locator("main")).Not.ToContainTextAsync(marker);
        await BrowserSteps.AssertNoAxeViolationsAsync(reader);

        var month = await reader.Locator("#maand option").Nth(1).GetAttributeAsync("value");
        await reader.GetByLabel("Maand").SelectOptionAsync(month!);
        await reader.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await Assertions.Expect(reader).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"maand={month}"));
        await Assertions.Expect(reader.Locator("table.moderation-counts").First).ToContainTextAsync("teruggetrokken");
        var csv = await reader.Context.APIRequest.GetAsync($"/api/contributions/moderation-log/export.csv?month={month}");
        Assert.Contains("teruggetrokken;dubbel;dubbel", await csv.TextAsync());
    }
}
