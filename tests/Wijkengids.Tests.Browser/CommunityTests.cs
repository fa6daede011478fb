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
        // The themes and chapters of the guide are checkboxes; each update is the default, the weekly overview says when it comes.
        var themes = page.GetByRole(AriaRole.Group, new() { Name = "Thema's (optioneel)" });
        await themes.GetByLabel("wonen", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Hoofdstukken (optioneel)" }).GetByRole(AriaRole.Checkbox).First)
            .Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Alleen grote wijzigingen")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Bij elke update" })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByText("Elke maandagochtend één mail met de updates van de week ervoor.")).ToBeVisibleAsync();
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
    public async Task A_reader_picks_themes_and_the_weekly_overview_and_receives_the_weeks_updates_on_monday()
    {
        var address = $"weekoverzicht-{Guid.NewGuid():N}@example.nl";
        try
        {
            SetDutchTime(2032, 3, 10, 10, 0); // a Wednesday
            var page = await fixture.NewPageAsync();
            await page.GotoAsync("/aanmelden");
            await page.GetByLabel("E-mailadres").FillAsync(address);
            await page.GetByRole(AriaRole.Group, new() { Name = "Thema's (optioneel)" }).GetByLabel("wonen", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Radio, new() { Name = "Wekelijks overzicht" }).CheckAsync();
            await fixture.TrackedAsync(async () =>
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Als dit adres klopt");
            });
            var confirmation = await MailAsync(page, address, "Bevestig uw aanmelding");
            await confirmation.Locator("a[href*='/aanmelden/bevestigen']").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("thema's: wonen; grote en kleine wijzigingen; wekelijks overzicht");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("elke maandagochtend een overzicht van de week ervoor");

            await fixture.TrackedAsync(async () =>
            {
                await using var scope = fixture.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(new EditionPublished(3210, "Maartupdate", fixture.Clock.GetUtcNow(),
                [
                    new EditionItem(Guid.NewGuid(), "les", "Wonen boven winkels", "/gids/wonen-boven-winkels", "minor", "Nieuwe les over wonen boven winkels.", ["wonen"]),
                    new EditionItem(Guid.NewGuid(), "les", "Veilig uitgaan", "/gids/veilig-uitgaan", "major", "Nieuwe les over uitgaan.", ["veiligheid"]),
                ]));
            });
            // No mail per update for this choice: the week's overview comes on Monday at seven.
            await page.GotoAsync("/dev/mail");
            await Assertions.Expect(page.Locator("article.dev-mail").Filter(new() { HasText = address }).Filter(new() { HasText = "Maartupdate" })).ToHaveCountAsync(0);

            SetDutchTime(2032, 3, 15, 7, 30);
            await fixture.TrackedAsync(async () =>
            {
                await using var scope = fixture.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(new Wijkengids.Community.Subscriptions.SendDueWeeklyDigests());
            });
            var digest = await MailAsync(page, address, "Weekoverzicht van de Wijkengids, week 11 (8 maart tot en met 14 maart 2032)");
            await Assertions.Expect(digest).ToContainTextAsync("Update 3210");
            await Assertions.Expect(digest).ToContainTextAsync("Nieuwe les over wonen boven winkels.");
            await Assertions.Expect(digest).Not.ToContainTextAsync("Veilig uitgaan");
            await Assertions.Expect(digest.Locator("a[href*='/afmelden?token=']")).ToHaveCountAsync(1);
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
    }

    private void SetDutchTime(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        fixture.Clock.Offset = new DateTimeOffset(local, zone.GetUtcOffset(local)) - TimeProvider.System.GetUtcNow();
    }

    [Fact]
    public async Task A_reaction_sender_without_an_account_asks_for_their_data_by_mail_and_erases_it()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var address = $"zonder-account-{marker}@example.nl";
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/reageren?over=sectie:1.4");
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync($"Zoë {marker}");
        await page.GetByLabel("E-mailadres").FillAsync(address);
        await page.GetByLabel("Uw reactie").FillAsync($"Mijn reactie {marker}");
        await page.GetByLabel("Ik ga akkoord").CheckAsync();
        await fixture.TrackedAsync(async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Reactie versturen" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw reactie is ontvangen");
        });

        // From the privacy statement to the request form, then the link from the mail.
        await page.GotoAsync("/privacy");
        await page.GetByRole(AriaRole.Link, new() { Name = "vraagt u een link aan per e-mail" }).ClickAsync();
        await BrowserSteps.AssertNoAxeViolationsAsync(page);
        await page.GetByLabel("E-mailadres").FillAsync(address);
        await fixture.TrackedAsync(async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Link aanvragen" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("U ontvangt binnen enkele minuten een e-mail");
        });
        var mail = await MailAsync(page, address, "Uw gegevens bij de Wijkengids");
        await mail.Locator("a[href*='/gegevens-opvragen/inzien?token=']").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uw gegevens", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"Mijn reactie {marker}")).ToBeVisibleAsync();
        await BrowserSteps.AssertNoAxeViolationsAsync(page);

        // Erasing asks for the confirmation first, at the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Mijn gegevens wissen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vink aan dat u begrijpt dat wissen definitief is.");
        await page.GetByLabel("Ik begrijp dat dit definitief is").CheckAsync();
        await fixture.TrackedAsync(async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Mijn gegevens wissen" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw naam, e-mailadres en teksten zijn van het platform verwijderd");
        });

        var editor = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(editor, "editor@wijkengids.test");
        await editor.GotoAsync("/redactie/bijdragen?status=alle");
        await Assertions.Expect(editor.GetByText($"Mijn reactie {marker}")).ToHaveCountAsync(0);
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
    [InlineData("/gegevens-opvragen", null)]
    [InlineData("/gegevens-opvragen/inzien?token=ongeldig", null)]
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
