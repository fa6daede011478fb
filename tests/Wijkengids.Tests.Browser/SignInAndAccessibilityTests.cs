using Microsoft.Playwright;
using Wijkengids.Community.Contracts;

namespace Wijkengids.Tests.Browser;

public sealed class SignInAndAccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_person_signs_in_through_the_page_and_out_again()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Inloggen" }).ClickAsync();
        await page.GetByLabel("E-mailadres").FillAsync("admin@wijkengids.test");
        await page.GetByLabel("Wachtwoord").FillAsync(DevAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        await Assertions.Expect(page.Locator(".who")).ToContainTextAsync("Bas Beheerder");
        Assert.Equal(fixture.BaseUrl + "/", page.Url);

        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Inloggen" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_a_dutch_message_on_the_page()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync("editor@wijkengids.test");
        await page.GetByLabel("Wachtwoord").FillAsync("helemaal-fout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("klopt niet");
    }

    [Fact]
    public async Task An_admin_opens_an_account_on_the_management_page()
    {
        var page = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(page, "admin@wijkengids.test");
        await page.GotoAsync("/beheer/accounts");
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Petra Pagina");
        await page.GetByLabel("E-mailadres").FillAsync("petra@example.nl");
        await page.GetByLabel("Voorlopig wachtwoord").FillAsync("een-lang-wachtwoord");
        await page.Locator("#nieuw ~ form").GetByLabel("redacteur").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Account aanmaken" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Account voor Petra Pagina aangemaakt");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "petra@example.nl" })).ToBeVisibleAsync();

        var row = page.GetByRole(AriaRole.Row, new() { Name = "petra@example.nl" });
        await row.GetByLabel("Reden voor deactiveren (verplicht)").FillAsync("test van de beheerpagina");
        await row.GetByRole(AriaRole.Button, new() { Name = "Deactiveren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Petra Pagina is gedeactiveerd");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "petra@example.nl" })).ToContainTextAsync("gedeactiveerd");
    }

    [Theory]
    [InlineData("/", null)]
    [InlineData("/inloggen", null)]
    [InlineData("/fout/404", null)]
    [InlineData("/beheer/accounts", "admin@wijkengids.test")]
    public async Task Pages_have_no_axe_violations(string path, string? signInAs)
    {
        var page = await fixture.NewPageAsync();
        if (signInAs is not null) await BrowserSteps.SignInAsync(page, signInAs);
        await page.GotoAsync(path);
        await BrowserSteps.AssertNoAxeViolationsAsync(page);
    }

    [Fact]
    public async Task The_axe_check_fails_on_a_page_with_a_known_violation()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("() => { const img = document.createElement('img'); img.src = '/favicon.ico'; document.querySelector('main').append(img); }");

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => BrowserSteps.AssertNoAxeViolationsAsync(page));
        Assert.Contains("image-alt", failure.Message);
    }

    [Fact]
    public async Task Pages_work_without_javascript()
    {
        var page = await BrowserSteps.SignedInWithoutJavaScriptAsync(fixture, "auditor@wijkengids.test");
        await Assertions.Expect(page.Locator(".who")).ToContainTextAsync("Anna Auditor");
    }
}
