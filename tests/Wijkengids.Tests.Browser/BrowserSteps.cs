using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Wijkengids.Community.Contracts;

namespace Wijkengids.Tests.Browser;

/// <summary>Steps every browser test needs: signing in through the page, and an axe check with a readable failure.</summary>
public static class BrowserSteps
{
    public static async Task SignInAsync(IPage page, string email, string password = DevAccounts.Password)
    {
        await page.GotoAsync("/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".who")).ToBeVisibleAsync();
    }

    /// <summary>A page in a browser context with JavaScript switched off, signed in as <paramref name="email"/>.</summary>
    public static async Task<IPage> SignedInWithoutJavaScriptAsync(BrowserFixture fixture, string email)
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await SignInAsync(page, email);
        return page;
    }

    public static async Task AssertNoAxeViolationsAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0,
            page.Url + "\n" + string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }
}
