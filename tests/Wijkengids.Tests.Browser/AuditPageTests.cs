using Wolverine.Tracking;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wijkengids.Community.Contracts;
using Wijkengids.Contributions.Contracts;
using Wolverine;

namespace Wijkengids.Tests.Browser;

/// <summary>What an auditor does on the audit pages, in a real browser; axe on every audit page; no JavaScript needed.</summary>
public sealed class AuditPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_auditor_traces_a_change_to_the_person_the_action_and_the_item_and_verifies_the_chain()
    {
        // History: an admin opens an account with a reason (two events in one action).
        var admin = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(admin, "admin@wijkengids.test");
        await admin.GotoAsync("/beheer/accounts");
        await admin.GetByLabel("Naam", new() { Exact = true }).FillAsync("Spoor Sanne");
        await admin.GetByLabel("E-mailadres").FillAsync("spoor@example.nl");
        await admin.GetByLabel("Voorlopig wachtwoord").FillAsync("een-lang-wachtwoord");
        await fixture.TrackedAsync(async () =>
        {
            await admin.GetByRole(AriaRole.Button, new() { Name = "Account aanmaken" }).ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Account voor Spoor Sanne aangemaakt");
        });

        var page = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(page, "auditor@wijkengids.test");
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tijdlijn van alle wijzigingen");

        // Who did it: filter on the admin, oldest first is not needed; the newest action is on top.
        await page.GetByLabel("Persoon").SelectOptionAsync(new SelectOptionValue { Label = "Bas Beheerder" });
        await page.GetByLabel("Soort wijziging").SelectOptionAsync(new SelectOptionValue { Label = "community: Account aangemaakt (account_opened)" });
        // The timeline is built by the async daemon: searched once it has caught up, not until the entry shows.
        await fixture.ProjectionsCaughtUpAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        var entry = page.Locator("li.entry").First;
        await Assertions.Expect(entry).ToContainTextAsync("Account aangemaakt");
        await Assertions.Expect(entry).ToContainTextAsync("Bas Beheerder");

        // The item: every change to that account, grouped as one action.
        await entry.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^item ") }).ClickAsync();
        await Assertions.Expect(page.Locator(".group h3")).ToContainTextAsync("Eén handeling: 2 wijzigingen");
        await page.GetByRole(AriaRole.Link, new() { Name = "hele handeling bekijken" }).ClickAsync();
        await Assertions.Expect(page.GetByText("U bekijkt één handeling")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("li.entry")).ToHaveCountAsync(2);

        // And the history is intact.
        await page.GetByRole(AriaRole.Link, new() { Name = "Keten controleren" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Keten controleren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De keten is intact");

        // Looking was recorded.
        await fixture.ProjectionsCaughtUpAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Wie keek er?" }).ClickAsync();
        await Assertions.Expect(page.Locator("li.entry", new() { HasText = "Hashketen gecontroleerd" }).First).ToContainTextAsync("Anna Auditor");
    }

    [Fact]
    public async Task An_auditor_traces_a_published_sentence_back_to_its_contributor_and_edition()
    {
        // History through the API and the bus: Bram's proposal is accepted by Eva, Ruud approves, Eva publishes, an edition goes out.
        const string sentence = "De buurtvader kent elke portiek.";
        var eva = await fixture.SignedInAsync("editor@wijkengids.test");
        var ruud = await fixture.SecondEditorAsync($"ruud-{Guid.NewGuid():N}@example.nl", "Ruud Revisor");
        var evaId = Guid.Parse((await eva.SendAsync("GET", "/api/auth/me", null)).GetProperty("id").GetString()!);
        var bram = await fixture.SignedInAsync("contributor@wijkengids.test");
        var bramId = Guid.Parse((await bram.SendAsync("GET", "/api/auth/me", null)).GetProperty("id").GetString()!);
        var lesson = await BrowserApi.PublishAsync(eva, ruud, "lesson",
            new { title = "Buurtvaders", statement = "Vaders houden de buurt in het oog.", body = "Buurtvaders lopen 's avonds een ronde.", themes = Array.Empty<string>(), sections = Array.Empty<string>(), sources = Array.Empty<object>() });
        var id = lesson.GetProperty("id").GetString()!;
        // Wait for exactly the message and what it causes (Wolverine's tracking), not for a fixed time.
        await fixture.Services.GetRequiredService<IHost>().TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .PublishMessageAndWaitAsync(new ProposalAccepted(Guid.NewGuid(), Guid.Parse(id), null, [],
                "Buurtvaders", "Vaders houden de buurt in het oog.", "Buurtvaders lopen 's avonds een ronde. " + sentence, [], 1, bramId,
                "Bram Bijdrager", evaId, "waardevolle aanvulling", DateTimeOffset.UtcNow));
        var draft = await eva.SendAsync("GET", $"/api/content/items/{id}", null);
        Assert.Equal(2, draft.GetProperty("revision").GetInt32());
        draft = await eva.SendAsync("POST", $"/api/content/items/{id}/submit", new { expectedVersion = draft.GetProperty("version").GetInt64() });
        draft = await ruud.SendAsync("POST", $"/api/content/items/{id}/approve", new { expectedVersion = draft.GetProperty("version").GetInt64() });
        await eva.SendAsync("POST", $"/api/content/items/{id}/publish", new { expectedVersion = draft.GetProperty("version").GetInt64() });
        var edition = await BrowserApi.PublishEditionAsync(eva, "Update met buurtvaders");

        // The auditor finds the publication on the timeline and opens the lesson's provenance.
        var page = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(page, "auditor@wijkengids.test");
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        await page.GetByLabel("Item (id)").FillAsync(id);
        var published = page.Locator("li.entry", new() { HasText = "Les \u201cBuurtvaders\u201d gepubliceerd (revisie 2)" });
        await fixture.ProjectionsCaughtUpAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await Assertions.Expect(published.First).ToBeVisibleAsync();
        await published.GetByRole(AriaRole.Link, new() { Name = "herkomst" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Herkomst van \u2018Buurtvaders\u2019");

        // Which revision brought the sentence, from whom, and in which edition it appeared.
        await page.GetByLabel("Zoek een zin").FillAsync("de buurtvader kent elke portiek");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zin zoeken" }).ClickAsync();
        var origin = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(origin).ToContainTextAsync("staat voor het eerst in revisie 2");
        await Assertions.Expect(origin).ToContainTextAsync("van bijdrager Bram Bijdrager, overgenomen door Eva Redacteur");
        await Assertions.Expect(origin).ToContainTextAsync($"Verschenen in update {edition}");
        var revision = page.Locator("#revisie-2");
        await Assertions.Expect(revision).ToContainTextAsync("Revisie 2 goedgekeurd door Ruud Revisor");
        await Assertions.Expect(revision).ToContainTextAsync("gepubliceerd (revisie 2) door Eva Redacteur");
        await revision.GetByText("Wat revisie 2 veranderde ten opzichte van revisie 1").ClickAsync();
        await Assertions.Expect(revision.Locator("ins")).ToContainTextAsync("De buurtvader kent elke portiek");
        await revision.GetByText("Tekst van revisie 2").ClickAsync();
        await Assertions.Expect(revision.GetByText(sentence, new() { Exact = false })).ToBeVisibleAsync();
        await BrowserSteps.AssertNoAxeViolationsAsync(page);
    }

    [Theory]
    [InlineData("/audit", "auditor@wijkengids.test")]
    [InlineData("/audit?volgorde=oudste", "auditor@wijkengids.test")]
    [InlineData("/audit/verificatie?controleer=ja", "admin@wijkengids.test")]
    [InlineData("/audit?van=2026-05-01&tot=2026-04-01", "auditor@wijkengids.test")]
    [InlineData("/audit/herkomst", "auditor@wijkengids.test")]
    [InlineData("/integriteit", null)]
    public async Task Audit_pages_have_no_axe_violations(string path, string? signInAs)
    {
        var page = await fixture.NewPageAsync();
        if (signInAs is not null) await BrowserSteps.SignInAsync(page, signInAs);
        await page.GotoAsync(path);
        await BrowserSteps.AssertNoAxeViolationsAsync(page);
    }

    [Fact]
    public async Task The_timeline_and_verification_work_without_javascript()
    {
        var page = await BrowserSteps.SignedInWithoutJavaScriptAsync(fixture, "auditor@wijkengids.test");
        await page.GotoAsync("/audit");
        await page.GetByLabel("Volgorde").SelectOptionAsync("oudste");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        Assert.Contains("volgorde=oudste", page.Url);
        // The oldest events are the start-up imports and dev accounts, all by the system.
        await Assertions.Expect(page.Locator("li.entry").First).ToContainTextAsync("systeem");
        await page.GotoAsync("/audit/verificatie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keten controleren" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Uitkomst")).ToBeVisibleAsync();
    }
}
