using System.Text.Json;
using Deque.AxeCore.Commons;
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

    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>
    /// Runs axe-core (the bundled version, its default rules) in the page itself and fails with every violation.
    /// One <c>axe.run</c> in the page, asking only for violations: a fraction of the time of the partial run with a
    /// separate finishing page that the Playwright binding does, with the same rules.
    /// </summary>
    public static async Task AssertNoAxeViolationsAsync(IPage page)
    {
        await page.EvaluateAsync(AxeSource.Value);
        var json = await page.EvaluateAsync<string>(
            """
            async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations
                .map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.html) })))
            """);
        var violations = JsonSerializer.Deserialize<AxeViolation[]>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.True(violations.Length == 0,
            page.Url + "\n" + string.Join("\n", violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes)})")));
    }

    private sealed record AxeViolation(string Id, string Help, string[] Nodes);
}
