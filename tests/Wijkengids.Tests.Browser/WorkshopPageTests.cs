using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Wijkengids.Community.Contracts;

namespace Wijkengids.Tests.Browser;

public sealed class WorkshopPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_area_requests_a_session_and_sees_its_booking_confirmed_and_the_organiser_sees_it()
    {
        var slug = await DefineFormatWithSessionAsync("Werkatelier Nieuwland");

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/werkateliers");
        await page.GetByRole(AriaRole.Link, new() { Name = "Werkatelier Nieuwland" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Werkatelier aanvragen" }).ClickAsync();

        await FillRequestAsync(page, "Gemeente Schiedam");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanvraag versturen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("uw aanvraag is ontvangen");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("bevestigd");
        var statusUrl = page.Url;

        var organiser = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(organiser, "organiser@wijkengids.test");
        await organiser.GotoAsync("/werkateliers/beheer");
        await Assertions.Expect(organiser.GetByText("Gemeente Schiedam", new() { Exact = false }).First).ToBeVisibleAsync();

        // The private link keeps working and shows nothing to guessers.
        var guess = await fixture.NewPageAsync();
        var response = await guess.GotoAsync("/werkateliers/aanvraag/geraden-token");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(guess.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Niet gevonden");
        Assert.Contains("/werkateliers/aanvraag/", statusUrl);
    }

    [Fact]
    public async Task Workshop_pages_have_no_axe_violations()
    {
        var slug = await DefineFormatWithSessionAsync("Toegankelijk atelier");
        foreach (var (path, signInAs) in new (string, string?)[]
                 {
                     ("/werkateliers", null), ($"/werkateliers/{slug}", null), ($"/werkateliers/{slug}/aanvragen", null),
                     ("/werkateliers/beheer", "organiser@wijkengids.test"), ("/werkateliers/financiering", "funder@wijkengids.test"),
                 })
        {
            var page = await fixture.NewPageAsync();
            if (signInAs is not null) await BrowserSteps.SignInAsync(page, signInAs);
            await page.GotoAsync(path);
            await BrowserSteps.AssertNoAxeViolationsAsync(page);
        }
    }

    [Fact]
    public async Task A_funder_grants_co_financing_on_the_funder_page_and_the_requester_sees_it()
    {
        var slug = await DefineFormatWithSessionAsync("Werkatelier met cofinanciering");
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/werkateliers/{slug}/aanvragen");
        await FillRequestAsync(page, "Gemeente Vlaardingen");
        await page.GetByLabel("Wij vragen cofinanciering aan").CheckAsync();
        await page.GetByLabel("Gevraagd bedrag in euro").FillAsync("1500");
        await page.GetByLabel("Motivatie").FillAsync("De wijk heeft geen eigen budget voor begeleiding.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanvraag versturen" }).ClickAsync();
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("nog niet genomen");

        var funder = await fixture.NewPageAsync();
        await BrowserSteps.SignInAsync(funder, "funder@wijkengids.test");
        await funder.GetByRole(AriaRole.Link, new() { Name = "Cofinanciering" }).ClickAsync();
        await BrowserSteps.AssertNoAxeViolationsAsync(funder);
        var request = funder.GetByRole(AriaRole.Article).Filter(new() { HasText = "Gemeente Vlaardingen" });
        await request.GetByRole(AriaRole.Button, new() { Name = "Afwijzen" }).ClickAsync();
        await Assertions.Expect(funder.GetByRole(AriaRole.Alert)).ToContainTextAsync("Geef een reden voor het afwijzen.");
        await BrowserSteps.AssertNoAxeViolationsAsync(funder);
        request = funder.GetByRole(AriaRole.Article).Filter(new() { HasText = "Gemeente Vlaardingen" });
        await request.GetByLabel("Toe te kennen bedrag").FillAsync("1000");
        await request.GetByRole(AriaRole.Button, new() { Name = "Toekennen" }).ClickAsync();
        await Assertions.Expect(funder.GetByRole(AriaRole.Status)).ToContainTextAsync("Cofinanciering toegekend aan Gemeente Vlaardingen");
        await Assertions.Expect(funder.GetByRole(AriaRole.Table, new() { Name = "Per gebied" })).ToContainTextAsync("1.000,00");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("toegekend: € 1.000,00");
        await BrowserSteps.AssertNoAxeViolationsAsync(page);
    }

    private static async Task FillRequestAsync(IPage page, string organisation)
    {
        await page.GetByLabel("Gebied", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Organisatie", new() { Exact = true }).FillAsync(organisation);
        await page.GetByLabel("Contactpersoon", new() { Exact = true }).FillAsync("Carla Contact");
        await page.GetByLabel("E-mailadres van de contactpersoon").FillAsync("carla@example.nl");
        await page.GetByLabel("Sessie", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Aantal deelnemers").FillAsync("8");
        await page.GetByLabel("Wat wil het gebied").FillAsync("Een plan van aanpak voor de leefbaarheid in Nieuwland.");
    }

    /// <summary>The organiser defines a format with two trainers and schedules a session, through the API.</summary>
    private async Task<string> DefineFormatWithSessionAsync(string title)
    {
        var cookies = new System.Net.CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(fixture.BaseUrl) };
        (await client.PostAsJsonAsync("/api/auth/login", new { email = "organiser@wijkengids.test", password = DevAccounts.Password })).EnsureSuccessStatusCode();
        var people = await client.GetFromJsonAsync<JsonElement[]>("/api/community/people");
        var trainers = people!.Where(p => p.GetProperty("roles").EnumerateArray().Any(r => r.GetProperty("role").GetString() == "trainer"))
            .Take(2).Select(p => p.GetProperty("id").GetGuid()).ToArray();
        var format = await client.PostAsJsonAsync("/api/workshops/formats", new
        {
            title, description = "Met als uitkomst een plan van aanpak voor het gebied.", durationMinutes = 240, participantsPerSession = 20,
            price = 1200m, themes = new[] { "leefbaarheid" }, trainers,
        });
        format.EnsureSuccessStatusCode();
        var slug = (await format.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString()!;
        (await client.PostAsJsonAsync("/api/workshops/sessions", new { formatSlug = slug, startsAt = "2027-10-06T13:00", place = "Wijkcentrum Nieuwland" }))
            .EnsureSuccessStatusCode();
        return slug;
    }
}
