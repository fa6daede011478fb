using Microsoft.Playwright;
using Wijkengids.Community.Contracts;

namespace Wijkengids.Tests.Browser;

public sealed class ReactionFormTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_reader_sends_a_reaction_and_an_editor_publishes_it_without_running_its_script()
    {
        var reader = await fixture.NewPageAsync();
        var dialogs = 0;
        reader.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await reader.GotoAsync("/reageren?over=sectie:1.4");
        await Assertions.Expect(reader.GetByText("paragraaf 1.4")).ToBeVisibleAsync();

        // Submitting without consent shows the error summary in Dutch and keeps what was typed.
        await reader.GetByLabel("Naam", new() { Exact = true }).FillAsync("<b>Ria</b> Reageerder");
        await reader.GetByLabel("E-mailadres").FillAsync("ria@example.nl");
        await reader.GetByLabel("Uw reactie").FillAsync("Goede paragraaf <script>alert('x')</script> <img src=x onerror=alert(1)>");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Reactie versturen" }).ClickAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Alert)).ToContainTextAsync("privacyverklaring");
        await Assertions.Expect(reader.GetByLabel("Uw reactie")).ToHaveValueAsync("Goede paragraaf <script>alert('x')</script> <img src=x onerror=alert(1)>");

        await reader.GetByLabel("Ik ga akkoord").CheckAsync();
        await reader.GetByRole(AriaRole.Button, new() { Name = "Reactie versturen" }).ClickAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw reactie is ontvangen");

        var editor = await fixture.NewPageAsync();
        editor.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await BrowserSteps.SignInAsync(editor, "editor@wijkengids.test");
        await editor.GotoAsync("/redactie/bijdragen");
        var card = editor.Locator("article", new() { HasText = "Ria" });
        await Assertions.Expect(card.Locator("blockquote")).ToContainTextAsync("<script>alert('x')</script>");
        await card.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Reactie gepubliceerd");
        Assert.Equal(0, dialogs);
    }

    [Theory]
    [InlineData("/reageren", null)]
    [InlineData("/privacy", null)]
    [InlineData("/redactie/bijdragen?status=alle", "editor@wijkengids.test")]
    [InlineData("/mijn-bijdragen", "contributor@wijkengids.test")]
    public async Task Contribution_pages_have_no_axe_violations(string path, string? signInAs)
    {
        var page = await fixture.NewPageAsync();
        if (signInAs is not null) await BrowserSteps.SignInAsync(page, signInAs);
        await page.GotoAsync(path);
        await BrowserSteps.AssertNoAxeViolationsAsync(page);
    }
}
