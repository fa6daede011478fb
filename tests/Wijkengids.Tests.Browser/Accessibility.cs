using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Wijkengids.Community.Contracts;

namespace Wijkengids.Tests.Browser;

public static class Accessibility
{
    /// <summary>Runs axe-core on the page; every violation is listed in the failure.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, page.Url + "\n" +
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    public static async Task SignInAsync(IPage page, string email, string password = DevAccounts.Password)
    {
        await page.GotoAsync("/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".who")).ToBeVisibleAsync();
    }
}
