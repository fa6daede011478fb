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
        var (slug, _) = await DefineFormatWithSessionAsync("Werkatelier Nieuwland");

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
        var (slug, sessionId) = await DefineFormatWithSessionAsync("Toegankelijk atelier");
        const string organiser = "organiser@wijkengids.test";
        foreach (var (path, signInAs) in new (string, string?)[]
                 {
                     ("/werkateliers", null), ($"/werkateliers/{slug}", null), ($"/werkateliers/{slug}/aanvragen", null), ("/gebieden", null),
                     ("/werkateliers/beheer", organiser), ("/werkateliers/financiering", "funder@wijkengids.test"),
                     ("/werkateliers/beheer/formats", organiser), ("/werkateliers/beheer/format", organiser),
                     ($"/werkateliers/beheer/format/{slug}", organiser), ($"/werkateliers/beheer/sessie/{sessionId}", organiser),
                     ("/werkateliers/mijn-aanvragen", "contributor@wijkengids.test"),
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
        var (slug, _) = await DefineFormatWithSessionAsync("Werkatelier met cofinanciering");
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

    [Fact]
    public async Task From_request_to_confirmed_booking_to_a_recorded_plan_that_the_contact_keeps_up_and_publishes_on_the_area_page()
    {
        try
        {
            // The organiser defines the werkatelier and schedules a session on the back-office pages.
            var organiser = await fixture.NewPageAsync();
            await BrowserSteps.SignInAsync(organiser, "organiser@wijkengids.test");
            await organiser.GotoAsync("/werkateliers/beheer");
            await organiser.GetByRole(AriaRole.Link, new() { Name = "Nieuw werkatelier" }).ClickAsync();
            await BrowserSteps.AssertNoAxeViolationsAsync(organiser);
            await organiser.GetByRole(AriaRole.Button, new() { Name = "Werkatelier vastleggen" }).ClickAsync();
            await Assertions.Expect(organiser.GetByRole(AriaRole.Alert)).ToContainTextAsync("Geef het werkatelier een titel.");
            await BrowserSteps.AssertNoAxeViolationsAsync(organiser);
            await organiser.GetByLabel("Titel").FillAsync("Werkatelier Maassluis aan zet");
            await organiser.GetByLabel("Beschrijving").FillAsync("Een middag wijkaanpak met als uitkomst een plan van aanpak voor het gebied.");
            await organiser.GetByLabel("Duur in minuten").FillAsync("240");
            await organiser.GetByLabel("Deelnemers per sessie").FillAsync("12");
            await organiser.GetByLabel("Prijs in euro").FillAsync("950");
            await organiser.GetByLabel("Lessen uit de gids").FillAsync("1.4");
            await organiser.GetByRole(AriaRole.Group, new() { Name = "Trainers", Exact = true }).GetByRole(AriaRole.Checkbox).First.CheckAsync();
            await organiser.GetByRole(AriaRole.Button, new() { Name = "Werkatelier vastleggen" }).ClickAsync();
            await Assertions.Expect(organiser.GetByRole(AriaRole.Status)).ToContainTextAsync("Werkatelier ‘Werkatelier Maassluis aan zet’ vastgelegd");
            await organiser.GetByLabel("Begint op (Nederlandse tijd)").FillAsync("2027-10-06T13:00");
            await organiser.GetByLabel("Plaats", new() { Exact = true }).FillAsync("Stadhuis Maassluis");
            await organiser.GetByRole(AriaRole.Button, new() { Name = "Sessie plannen" }).ClickAsync();
            await Assertions.Expect(organiser.GetByRole(AriaRole.Status)).ToContainTextAsync("Sessie gepland op 6 oktober 2027 13:00");
            await BrowserSteps.AssertNoAxeViolationsAsync(organiser);

            // An area asks for the werkatelier with preferred dates on the public form.
            var contact = await fixture.NewPageAsync();
            await contact.GotoAsync("/werkateliers");
            await contact.GetByRole(AriaRole.Link, new() { Name = "Werkatelier Maassluis aan zet" }).First.ClickAsync();
            await contact.GetByRole(AriaRole.Link, new() { Name = "Werkatelier aanvragen" }).ClickAsync();
            await FillRequestAsync(contact, "Gemeente Maassluis");
            await contact.GetByLabel("Sessie", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 0 });
            await contact.GetByLabel("Voorkeursdata").FillAsync("begin oktober 2027");
            await contact.GetByRole(AriaRole.Button, new() { Name = "Aanvraag versturen" }).ClickAsync();
            await Assertions.Expect(contact.Locator("dl.facts")).ToContainTextAsync("ontvangen");
            var statusUrl = new Uri(contact.Url).AbsolutePath;

            // The organiser assigns it to the session (confirmed), then moves the session a week.
            await organiser.GotoAsync("/werkateliers/beheer");
            var request = organiser.GetByRole(AriaRole.Article).Filter(new() { HasText = "Gemeente Maassluis" });
            await request.GetByRole(AriaRole.Button, new() { Name = "Toewijzen" }).ClickAsync();
            await Assertions.Expect(organiser.GetByRole(AriaRole.Status)).ToContainTextAsync("Aanvraag toegewezen: bevestigd");
            await organiser.GetByRole(AriaRole.Article).Filter(new() { HasText = "Werkatelier Maassluis aan zet – 6 oktober 2027" })
                .GetByRole(AriaRole.Link, new() { Name = "Sessie verplaatsen of annuleren" }).ClickAsync();
            await Assertions.Expect(organiser.Locator("dl.facts")).ToContainTextAsync("Stadhuis Maassluis");
            await Assertions.Expect(organiser.GetByRole(AriaRole.List).Filter(new() { HasText = "Gemeente Maassluis" })).ToContainTextAsync("bevestigd");
            await organiser.GetByLabel("Nieuw tijdstip (Nederlandse tijd)").FillAsync("2027-10-13T13:00");
            await organiser.GetByLabel("Reden (optioneel)").FillAsync("De zaal wordt verbouwd.");
            await organiser.GetByRole(AriaRole.Button, new() { Name = "Sessie verplaatsen" }).ClickAsync();
            await Assertions.Expect(organiser.GetByRole(AriaRole.Status)).ToContainTextAsync("Sessie verplaatst naar 13 oktober 2027 13:00");
            await BrowserSteps.AssertNoAxeViolationsAsync(organiser);

            // After the session the organiser records the plan van aanpak.
            fixture.Clock.Offset = new DateTimeOffset(2027, 10, 14, 9, 0, 0, TimeSpan.Zero) - DateTimeOffset.UtcNow;
            organiser = await fixture.NewPageAsync();
            await BrowserSteps.SignInAsync(organiser, "organiser@wijkengids.test");
            await organiser.GotoAsync("/werkateliers/beheer");
            await organiser.GetByRole(AriaRole.Link, new() { Name = "plan van aanpak voor" }).Filter(new() { HasText = "Gemeente Maassluis" }).ClickAsync();
            await organiser.GetByLabel("Doelen (één per regel)").FillAsync("Bewoners praten mee over de wijkaanpak\nEén loket voor leefbaarheid");
            var first = organiser.GetByRole(AriaRole.Group, new() { Name = "Actie 1" });
            await first.GetByLabel("Wat gebeurt er?").FillAsync("Bewonersavond organiseren");
            await first.GetByLabel("Wie pakt het op").FillAsync("Wijkteam Maassluis-West");
            await first.GetByLabel("Streefdatum").FillAsync("2028-03-01");
            await organiser.GetByRole(AriaRole.Button, new() { Name = "Plan van aanpak opslaan" }).ClickAsync();
            await Assertions.Expect(organiser.GetByRole(AriaRole.Status)).ToContainTextAsync("Plan van aanpak vastgelegd.");
            await Assertions.Expect(organiser.GetByRole(AriaRole.Group, new() { Name = "Actie 1" }).GetByLabel("Wat gebeurt er?")).ToHaveValueAsync("Bewonersavond organiseren");
            await BrowserSteps.AssertNoAxeViolationsAsync(organiser);

            // The contact opens the private link, updates the action and agrees to publication.
            contact = await fixture.NewPageAsync();
            await contact.GotoAsync(statusUrl);
            await contact.GetByRole(AriaRole.Link, new() { Name = "Bekijk het plan en houd de acties bij" }).ClickAsync();
            await Assertions.Expect(contact.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Plan van aanpak voor");
            await BrowserSteps.AssertNoAxeViolationsAsync(contact);
            await contact.GetByLabel("Nieuwe status").SelectOptionAsync("bezig");
            await contact.GetByRole(AriaRole.Button, new() { Name = "Status opslaan" }).ClickAsync();
            await Assertions.Expect(contact.GetByRole(AriaRole.Status)).ToContainTextAsync("De status van ‘Bewonersavond organiseren’ is nu: bezig.");
            await contact.GetByRole(AriaRole.Button, new() { Name = "Ik geef toestemming om te publiceren" }).ClickAsync();
            await Assertions.Expect(contact.GetByRole(AriaRole.Status)).ToContainTextAsync("staat nu op de pagina van");
            await BrowserSteps.AssertNoAxeViolationsAsync(contact);

            // The plan is on the area's public page, without the contact's name.
            await contact.GetByRole(AriaRole.Link, new() { Name = "de pagina van" }).ClickAsync();
            var plan = contact.GetByRole(AriaRole.Article).Filter(new() { HasText = "Werkatelier Maassluis aan zet" });
            await Assertions.Expect(plan).ToContainTextAsync("Bewonersavond organiseren");
            await Assertions.Expect(plan.GetByRole(AriaRole.Table, new() { Name = "Acties" })).ToContainTextAsync("bezig");
            await Assertions.Expect(plan.GetByRole(AriaRole.Link, new() { Name = "1.4 Doel en samenstelling" })).ToHaveAttributeAsync("href", "/gids/1.4");
            await Assertions.Expect(contact.Locator("main")).Not.ToContainTextAsync("Carla Contact");
            await BrowserSteps.AssertNoAxeViolationsAsync(contact);
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
    }

    internal static async Task FillRequestAsync(IPage page, string organisation)
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
    private async Task<(string Slug, Guid SessionId)> DefineFormatWithSessionAsync(string title)
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
            price = 1200m, themes = new[] { "wonen" }, trainers,
        });
        format.EnsureSuccessStatusCode();
        var slug = (await format.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString()!;
        var session = await client.PostAsJsonAsync("/api/workshops/sessions", new { formatSlug = slug, startsAt = "2027-10-06T13:00", place = "Wijkcentrum Nieuwland" });
        session.EnsureSuccessStatusCode();
        return (slug, (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }
}
