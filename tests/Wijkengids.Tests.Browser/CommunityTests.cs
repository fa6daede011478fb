using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wijkengids.Content.Contracts;
using Wolverine;

namespace Wijkengids.Tests.Browser;

/// <summary>What a person does in Community: subscribe, confirm from the mail, receive an update, unsubscribe; and axe on every page.</summary>
public sealed class CommunityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_reader_subscribes_confirms_from_the_mail_receives_the_update_and_unsubscribes()
    {
        const string address = "lezer-browser@example.nl";
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Updates ontvangen" }).ClickAsync();
        await page.GetByLabel("E-mailadres").FillAsync(address);
        // The themes and chapters of the guide are checkboxes; each update is the default, the weekly overview says it comes later.
        var themes = page.GetByRole(AriaRole.Group, new() { Name = "Thema's (optioneel)" });
        await themes.GetByLabel("wonen", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Hoofdstukken (optioneel)" }).GetByRole(AriaRole.Checkbox).First)
            .Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Alleen grote wijzigingen")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Bij elke update" })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByText("U ontvangt wekelijks een overzicht")).ToBeVisibleAsync();
        await page.GetByLabel("Alleen grote wijzigingen").CheckAsync();
        await BrowserSteps.AssertNoAxeViolationsAsync(page);
        await fixture.TrackedAsync(async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Als dit adres klopt");
        });

        var confirmation = await MailAsync(page, address, "Bevestig uw aanmelding");
        await confirmation.Locator("a[href*='/aanmelden/bevestigen']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw aanmelding is bevestigd (thema's: wonen; alleen grote wijzigingen");

        await fixture.TrackedAsync(async () =>
        {
            await using var scope = fixture.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(new EditionPublished(1, "Eerste update", DateTimeOffset.UtcNow,
            [
                new EditionItem(Guid.NewGuid(), "les", "Wonen en leefbaarheid", "/gids/wonen", "major", "Nieuwe les over wonen.", ["wonen"]),
            ]));
        });
        var edition = await MailAsync(page, address, "Update 1 van de Wijkengids");
        await Assertions.Expect(edition).ToContainTextAsync("Nieuwe les over wonen.");
        await Assertions.Expect(edition).ToContainTextAsync("List-Unsubscribe-Post");

        await edition.Locator("a[href*='/afmelden?token=']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("U bent afgemeld");
        await BrowserSteps.AssertNoAxeViolationsAsync(page);
    }

    [Fact]
    public async Task An_editor_changes_a_person_on_the_page_and_the_public_list_follows()
    {
        var page = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(page, "editor@wijkengids.test");
        await page.GotoAsync("/redactie/mensen");
        await page.GetByRole(AriaRole.Link, new() { Name = "Wijzig Tineke Lupi" }).ClickAsync();
        await BrowserSteps.AssertNoAxeViolationsAsync(page);
        await page.GetByLabel("Korte bio (optioneel)").FillAsync("Co-creator van het eerste uur.");
        await page.GetByLabel("trainer werkateliers").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tineke Lupi opgeslagen");

        await page.GotoAsync("/mensen");
        await Assertions.Expect(page.Locator("section", new() { Has = page.Locator("#trainers") })).ToContainTextAsync("Tineke Lupi");
        await Assertions.Expect(page.GetByText("Co-creator van het eerste uur.")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/mensen", null)]
    [InlineData("/organisaties", null)]
    [InlineData("/aanmelden", null)]
    [InlineData("/aanmelden/bevestigen?token=ongeldig", null)]
    [InlineData("/afmelden?token=x", null)]
    [InlineData("/registreren", null)]
    [InlineData("/registreren/bevestigen?token=x", null)]
    [InlineData("/wachtwoord-vergeten", null)]
    [InlineData("/wachtwoord-herstellen?token=x", null)]
    [InlineData("/dev/mail", null)]
    [InlineData("/profiel", "contributor@wijkengids.test")]
    [InlineData("/mijn-gegevens", "contributor@wijkengids.test")]
    [InlineData("/redactie/mensen", "editor@wijkengids.test")]
    [InlineData("/redactie/organisaties", "editor@wijkengids.test")]
    [InlineData("/beheer/gebieden", "admin@wijkengids.test")]
    [InlineData("/beheer/verzending", "admin@wijkengids.test")]
    [InlineData("/beheer/wissen", "admin@wijkengids.test")]
    public async Task Community_pages_have_no_axe_violations(string path, string? signInAs)
    {
        var page = await fixture.NewPageAsync();
        if (signInAs is not null) await BrowserSteps.SignInAsync(page, signInAs);
        await page.GotoAsync(path);
        await BrowserSteps.AssertNoAxeViolationsAsync(page);
    }

    [Fact]
    public async Task Signing_out_everywhere_from_the_profile_ends_the_session_in_another_browser_too()
    {
        var admin = await fixture.SignedInAsync("admin@wijkengids.test");
        await admin.SendAsync("POST", "/api/community/accounts",
            new { email = "overal-browser@example.nl", displayName = "Overal Browser", password = "een-lang-wachtwoord", roles = new[] { "contributor" } });
        var elsewhere = await fixture.SignedInAsync("overal-browser@example.nl", "een-lang-wachtwoord");
        var page = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(page, "overal-browser@example.nl", "een-lang-wachtwoord");

        await page.GotoAsync("/profiel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Overal uitloggen" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inloggen$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("U bent overal uitgelogd");
        await BrowserSteps.AssertNoAxeViolationsAsync(page);
        Assert.Equal(401, (await elsewhere.GetAsync("/api/auth/me")).Status);
        await page.GotoAsync("/profiel");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inloggen\\?ReturnUrl="));
    }

    [Fact]
    public async Task Subscribing_works_without_javascript()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/aanmelden");
        await page.GetByLabel("E-mailadres").FillAsync("zonder-js@example.nl");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Als dit adres klopt");
        await page.GotoAsync("/aanmelden");
        await page.GetByLabel("E-mailadres").FillAsync("geen-adres");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul een geldig e-mailadres in.");
    }

    /// <summary>The mail in the development mailbox (the step that sent it was tracked until its delivery).</summary>
    private static async Task<ILocator> MailAsync(IPage page, string address, string subject)
    {
        await page.GotoAsync("/dev/mail");
        var mail = page.Locator("article.dev-mail").Filter(new() { HasText = address }).Filter(new() { HasText = subject });
        Assert.True(await mail.CountAsync() > 0, $"Geen mail '{subject}' aan {address}");
        return mail.First;
    }
}
