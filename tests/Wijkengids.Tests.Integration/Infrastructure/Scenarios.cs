using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wijkengids.LocalPostgres;
using Wijkengids.Tests.Integration.Audit;
using Wijkengids.Tests.Integration.Community;
using Wijkengids.Tests.Integration.Content;
using Wolverine;
using Wolverine.Tracking;

namespace Wijkengids.Tests.Integration.Infrastructure;

/// <summary>
/// Representative journeys through every module, driven over HTTP as real users would: the development accounts, a second
/// editor for four-eyes, contributors, an organiser, a funder, an auditor, an admin. Used by <see cref="ScenarioTests"/> and
/// to make the upgrade fixtures (Fixtures/make-upgrade-fixture.sh). The names are fixed so a fresh database always gets
/// the same content; dates are relative to today so the journeys stay valid.
/// </summary>
public static class Scenarios
{
    /// <summary>The host needs a clock that can be moved past a session (a plan van aanpak is recorded after it).</summary>
    public static void Services(IServiceCollection services) => services.AddSingleton<TimeProvider>(new ShiftableClock());

    /// <summary>The password of every account the scenarios open through the admin.</summary>
    public const string OpenedPassword = "een-lang-wachtwoord";

    /// <summary>Fills every module; the host must have been started with <see cref="Services"/>.</summary>
    public static async Task<ScenarioOutcome> FillEveryModuleAsync(IAlbaHost host)
    {
        var clock = host.Services.GetRequiredService<TimeProvider>() as ShiftableClock
                    ?? throw new InvalidOperationException("Start de host met Scenarios.Services: de scenario's verzetten de klok.");
        var before = await host.LastSequenceAsync();
        var community = await CommunityAsync(host);
        var content = await ContentAsync(host, community);
        var contributions = await ContributionsAsync(host, community, content);
        var workshops = await WorkshopsAsync(host, clock, community, content);
        await ErasureAsync(host, community);
        var secondEdition = await SecondEditionAsync(host, community, content);
        var audit = await AuditAsync(host, content);
        return new ScenarioOutcome(before, await host.LastSequenceAsync(), community,
            content with { SecondEdition = secondEdition }, contributions, workshops, audit);
    }

    // ------------------------------------------------------------------ Community

    private static async Task<CommunityScenario> CommunityAsync(IAlbaHost host)
    {
        var admin = await host.LoginAsRoleAsync("admin");
        var editor = await host.LoginAsRoleAsync("editor");

        // The admin opens accounts: a second editor (four-eyes), a contributor whose roles change, one who will be erased.
        var ruud = await OpenAsync(host, admin, "ruud.revisor@example.nl", "Ruud Revisor", ["editor"], "tweede redacteur voor vier ogen");
        var olga = await OpenAsync(host, admin, "olga.overstap@example.nl", "Olga Overstap", ["contributor"], null);
        var wim = await OpenAsync(host, admin, "wim.wisser@example.nl", "Wim Wisser", ["contributor"], null);

        var changed = (await host.Scenario(s =>
        {
            s.Put.Json(new { roles = new[] { "contributor", "organiser" }, expectedVersion = olga.Version(), reason = "helpt bij de werkateliers" })
                .ToUrl($"/api/community/accounts/{olga.Id()}/roles");
            s.As(admin);
        })).ReadAsJson<JsonElement>();
        var deactivated = (await host.Scenario(s =>
        {
            s.Post.Json(new { reason = "tijdelijk niet actief", expectedVersion = changed.Version() }).ToUrl($"/api/community/accounts/{olga.Id()}/deactivate");
            s.As(admin);
        })).ReadAsJson<JsonElement>();
        await host.Scenario(s =>
        {
            s.Post.Json(new { reason = "weer actief", expectedVersion = deactivated.Version() }).ToUrl($"/api/community/accounts/{olga.Id()}/activate");
            s.As(admin);
        });

        // Self-service: registration with a confirmed address, then a profile change (name and password).
        const string ritaEmail = "rita.registratie@example.nl";
        await Settled(host, () => host.Scenario(s =>
        {
            s.Post.Json(new { displayName = "Rita Registratie", email = ritaEmail, password = "het-eerste-wachtwoord" }).ToUrl("/api/community/registrations");
            s.StatusCodeShouldBe(202);
        }));
        var confirmation = Assert.Single(await host.ReceivedMailsAsync(ritaEmail, 1));
        await host.Scenario(s =>
        {
            s.Post.Json(new { token = MailHelpers.TokenOf(MailHelpers.LinkTo(confirmation.Text, "/registreren/bevestigen")) })
                .ToUrl("/api/community/registrations/confirm");
            s.StatusCodeShouldBe(200);
        });
        var rita = await host.LoginAsync(ritaEmail, "het-eerste-wachtwoord");
        var ritaAccount = (await host.Scenario(s =>
        {
            s.Put.Json(new { displayName = "Rita R.", currentPassword = "het-eerste-wachtwoord", newPassword = "het-tweede-wachtwoord" })
                .ToUrl("/api/community/me/profile");
            s.As(rita);
            s.StatusCodeShouldBe(200);
        })).ReadAsJson<JsonElement>();

        // A reader subscribes to updates and confirms the address.
        const string subscriber = "lezer.updates@example.nl";
        await host.SubscribeAndConfirmAsync(subscriber, "participatie");

        // An organisation and a person (a trainer) registered and changed by an editor.
        var organisation = (await host.Scenario(s =>
        {
            s.Post.Json(new { name = "Wijkcoöperatie Groenoord", kind = "bewoners", reason = "nieuwe partner" }).ToUrl("/api/community/organisations");
            s.As(editor);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        organisation = (await host.Scenario(s =>
        {
            s.Put.Json(new { name = "Wijkcoöperatie Groenoord-Noord", kind = "stichting", expectedVersion = organisation.Version(), reason = "nieuwe naam" })
                .ToUrl($"/api/community/organisations/{organisation.Id()}");
            s.As(editor);
        })).ReadAsJson<JsonElement>();
        var person = (await host.Scenario(s =>
        {
            s.Post.Json(new
            {
                name = "Tessa Trainer", organisationId = organisation.Id(), affiliation = "Opbouwwerker", bio = "Werkt sinds 2010 in Groenoord.",
                roles = new[] { new { role = "trainer" } }, reason = "nieuwe trainer",
            }).ToUrl("/api/community/people");
            s.As(editor);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        person = (await host.Scenario(s =>
        {
            s.Put.Json(new
            {
                name = "Tessa Trainer", organisationId = organisation.Id(), affiliation = "Opbouwwerker en trainer",
                bio = "Werkt sinds 2010 in Groenoord en traint wijkteams.", roles = new object[] { new { role = "trainer" }, new { role = "ambassadeur" } },
                expectedVersion = person.Version(), reason = "ook ambassadeur",
            }).ToUrl($"/api/community/people/{person.Id()}");
            s.As(editor);
        })).ReadAsJson<JsonElement>();

        // Areas: a region and a neighbourhood registered, a municipality moved into the region.
        var areas = (await host.Scenario(s => s.Get.Url("/api/community/areas"))).ReadAsJson<JsonElement[]>();
        var schiedam = areas.Single(a => a.Str("name") == "Schiedam");
        var region = (await host.Scenario(s =>
        {
            s.Post.Json(new { name = "Zuid-Holland", level = "regio", reason = "indeling in regio's" }).ToUrl("/api/community/areas");
            s.As(admin);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        var neighbourhood = (await host.Scenario(s =>
        {
            s.Post.Json(new { name = "Groenoord", level = "wijk", parentId = schiedam.Id(), reason = "nieuwe wijk" }).ToUrl("/api/community/areas");
            s.As(admin);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        await host.Scenario(s =>
        {
            s.Put.Json(new { name = "Schiedam", parentId = region.Id(), expectedVersion = schiedam.Version(), reason = "hoort bij Zuid-Holland" })
                .ToUrl($"/api/community/areas/{schiedam.Id()}");
            s.As(admin);
        });

        return new CommunityScenario(ruud.Id(), "ruud.revisor@example.nl", "Ruud Revisor", olga.Id(), "olga.overstap@example.nl", wim.Id(),
            "wim.wisser@example.nl", ritaAccount.Id(), ritaEmail, "het-tweede-wachtwoord", ritaAccount.Str("displayName"), subscriber,
            person.Id(), person.Str("name"), organisation.Id(), organisation.Str("name"), region.Id(), region.Str("name"), neighbourhood.Id(),
            neighbourhood.Str("name"), schiedam.Id());
    }

    private static async Task<JsonElement> OpenAsync(IAlbaHost host, string admin, string email, string name, string[] roles, string? reason) =>
        (await host.Scenario(s =>
        {
            s.Post.Json(new { email, displayName = name, password = OpenedPassword, roles, reason }).ToUrl("/api/community/accounts");
            s.As(admin);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();

    // ------------------------------------------------------------------ Content

    private static async Task<ContentScenario> ContentAsync(IAlbaHost host, CommunityScenario community)
    {
        var eva = await host.LoginAsRoleAsync("editor");
        var ruud = await host.LoginAsync(community.SecondEditorEmail, OpenedPassword);

        // A theme, defined and renamed.
        var theme = (await host.Scenario(s =>
        {
            s.Post.Json(new { name = "Leefbaarheid", description = "Schoon, heel en veilig.", reason = "nieuw thema" }).ToUrl("/api/content/themes");
            s.As(eva);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        theme = (await host.Scenario(s =>
        {
            s.Put.Json(new { expectedVersion = theme.Version(), name = "Leefbaarheid en veiligheid", description = "Schoon, heel en veilig in de wijk." })
                .ToUrl($"/api/content/themes/{theme.Id()}");
            s.As(eva);
        })).ReadAsJson<JsonElement>();

        // A chapter and a section: written by one editor, reviewed and published by the other.
        var chapter = await Settled(host, () => host.PublishAsync(eva, ruud, "chapter", new
        {
            title = "Lessen uit Groenoord", number = "7", body = "Wat de wijkaanpak in Groenoord leerde.",
            summary = new[] { "Begin bij de bewoners.", "Meet wat je doet." },
        }));
        var section = await Settled(host, () => host.PublishAsync(eva, ruud, "section", new
        {
            title = "Wat werkt in de wijk", number = "7.1", body = "Over wat werkt, volgens bewoners en professionals.",
        }));

        // A lesson: drafts, submitted, changes requested once, a new draft, approved by the other editor, published.
        var sources = new object[]
        {
            new { title = "Wijkaanpak in cijfers", author = "Platform31", year = 2012, link = "https://example.org/wijkaanpak", kind = "research" },
        };
        var lesson = await host.CreateAsync(eva, "lesson", ContentApi.Lesson("Bewoners aan zet", "Bewoners beslissen mee over hun wijk.",
            "Laat bewoners beslissen.", ["participatie", theme.Str("slug")], ["7.1"], sources), reason: "nieuwe les");
        lesson = await host.SaveDraftAsync(eva, lesson, ContentApi.Lesson("Bewoners aan zet", "Bewoners beslissen mee over de plannen voor hun wijk.",
            "Laat bewoners beslissen.", ["participatie", theme.Str("slug")], ["7.1"], sources), reason: "scherper");
        lesson = await host.StepAsync(eva, lesson, "submit");
        lesson = await host.StepAsync(ruud, lesson, "request-changes", comment: "Noem een voorbeeld uit de praktijk.");
        lesson = await host.SaveDraftAsync(eva, lesson, ContentApi.Lesson("Bewoners aan zet",
            "Bewoners beslissen mee over de plannen voor hun wijk, zoals in Groenoord met het wijkbudget.", "Laat bewoners beslissen.",
            ["participatie", theme.Str("slug")], ["7.1"], sources), reason: "voorbeeld toegevoegd");
        lesson = await host.StepAsync(eva, lesson, "submit");
        lesson = await host.StepAsync(ruud, lesson, "approve");
        lesson = await Settled(host, () => host.StepAsync(ruud, lesson, "publish", reason: "klaar voor lezers"));

        // A second lesson: a draft reverted to its first text, then published.
        var measured = await host.CreateAsync(eva, "lesson", ContentApi.Lesson("Samen meten", "Meet samen met bewoners wat er verandert.",
            "Meten is samen weten.", [theme.Str("slug")], ["7.1"]));
        measured = await host.SaveDraftAsync(eva, measured, ContentApi.Lesson("Samen meten", "Meet alles wat er verandert.", "Meten is weten.",
            [theme.Str("slug")], ["7.1"]));
        measured = (await host.Scenario(s =>
        {
            s.Post.Json(new { revision = 1, expectedVersion = measured.Version(), reason = "de eerste tekst was beter" })
                .ToUrl($"/api/content/items/{measured.Id()}/revert");
            s.As(eva);
        })).ReadAsJson<JsonElement>();
        measured = await host.StepAsync(eva, measured, "submit");
        measured = await host.StepAsync(ruud, measured, "approve");
        measured = await Settled(host, () => host.StepAsync(ruud, measured, "publish", reason: "klaar voor lezers"));

        // News, published with four eyes.
        var news = await Settled(host, () => host.PublishAsync(eva, ruud, "news", new
        {
            title = "De Wijkengids groeit in Groenoord", body = "Twee nieuwe lessen uit Groenoord staan in de gids.",
            categories = new[] { "Nieuws" }, date = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            author = "Redactie Wijkengids",
        }));

        // The first edition lists everything published so far.
        var first = await Settled(host, () => PublishEditionAsync(host, eva, "Update Groenoord"));

        return new ContentScenario(theme.Id(), theme.Str("slug"), theme.Str("name"), chapter.Id(), "7", section.Id(), "7.1",
            "Wat werkt in de wijk", lesson.Id(), lesson.Str("slug"), "Bewoners aan zet", measured.Id(), measured.Str("slug"), "Samen meten",
            news.Id(), news.Str("slug"), "De Wijkengids groeit in Groenoord", first, "Update Groenoord", 0, "Update Groenoord, met uw voorstel");
    }

    /// <summary>Composes an edition of every candidate and publishes it; returns its number.</summary>
    private static async Task<int> PublishEditionAsync(IAlbaHost host, string editor, string title)
    {
        var candidates = (await host.Scenario(s => { s.Get.Url("/api/content/editions/candidates"); s.As(editor); })).ReadAsJson<JsonElement[]>();
        if (candidates.Length == 0) throw new InvalidOperationException("Geen kandidaten voor een nieuwe update.");
        var edition = (await host.Scenario(s =>
        {
            s.Post.Json(new
            {
                title,
                notes = candidates.Select(c => new
                {
                    itemId = c.Str("itemId"), change = c.GetProperty("fromRevision").ValueKind == JsonValueKind.Null ? "major" : "minor",
                    note = $"{c.Str("title")}: nieuw of herzien.",
                }).ToArray(),
            }).ToUrl("/api/content/editions");
            s.As(editor);
        })).ReadAsJson<JsonElement>();
        var number = edition.GetProperty("number").GetInt32();
        await host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = edition.Version(), reason = "maandelijkse update" }).ToUrl($"/api/content/editions/{number}/publish");
            s.As(editor);
        });
        return number;
    }

    // ------------------------------------------------------------------ Contributions

    private static async Task<ContributionsScenario> ContributionsAsync(IAlbaHost host, CommunityScenario community, ContentScenario content)
    {
        var eva = await host.LoginAsRoleAsync("editor");
        var bram = await host.LoginAsRoleAsync("contributor");
        var wim = await host.LoginAsync(community.ErasedEmail, OpenedPassword);

        Task<JsonElement> ReactAsync(string? cookie, string about, string name, string email, string message, bool showName = true) =>
            Settled(host, async () => (await host.Scenario(s =>
            {
                s.Post.Json(new { about, name, email, organisation = "Bewonersraad Groenoord", message, consent = true, showName })
                    .ToUrl("/api/contributions/reactions");
                if (cookie is not null) s.As(cookie);
                s.StatusCodeShouldBe(201);
            })).ReadAsJson<JsonElement>());
        Task Moderate(Guid id, string action, object body) => Settled(host, () => host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl($"/api/contributions/moderation/reactions/{id}/{action}");
            s.As(eva);
        }));

        // Reactions: anonymous and published; signed in, published and answered; spam; handled; one by a contributor who will be erased.
        const string publishedMessage = "Mooie paragraaf; noem ook de buurtconciërge.";
        var published = await ReactAsync(null, "sectie:7.1", "Lia Lezer", "lia.lezer@example.nl", publishedMessage);
        await Moderate(published.Id(), "publish", new { });
        var answered = await ReactAsync(bram, $"les:{content.LessonSlug}", "Bram Bijdrager", "contributor@wijkengids.test",
            "Werkt dit ook in een dorp?");
        // A public answer stands under the reaction, so the reaction is published first.
        await Moderate(answered.Id(), "publish", new { });
        await Moderate(answered.Id(), "answer", new { answer = "Ja, de les geldt ook voor kleine kernen.", @public = true });
        var spam = await ReactAsync(null, "sectie:7.1", "Koop Nu", "aanbieding@example.nl", "Goedkope horloges, klik hier.", showName: false);
        await Moderate(spam.Id(), "spam", new { reason = "reclame" });
        var handled = await ReactAsync(null, $"les:{content.RevertedLessonSlug}", "Henk Hulp", "henk.hulp@example.nl",
            "Er staat een typfout in de tweede zin.");
        await Moderate(handled.Id(), "handle", new { reason = "typfout verbeterd" });
        var byWim = await ReactAsync(wim, "sectie:7.1", "Wim Wisser", community.ErasedEmail, "Mijn eigen ervaring in de wijk.");

        // A proposal to change the lesson: information requested, answered with a revised text, accepted (Content makes a draft).
        var options = (await host.Scenario(s => { s.Get.Url("/api/contributions/proposals/options"); s.As(bram); })).ReadAsJson<JsonElement>();
        var baseRevision = options.GetProperty("lessons").EnumerateArray().Single(l => l.Str("slug") == content.LessonSlug).GetProperty("revision").GetInt32();
        var change = await SubmitAsync(host, bram, new
        {
            kind = "wijziging", lesson = content.LessonSlug, title = "Bewoners aan zet", statement = "Laat bewoners beslissen.",
            body = "Bewoners beslissen mee over de plannen voor hun wijk, zoals in Groenoord met het wijkbudget van de gemeente.",
            motivation = "Het wijkbudget kwam van de gemeente.", baseRevision,
        });
        var asked = await ModerateProposalAsync(host, eva, change.Id(), "request-information",
            new { expectedVersion = change.Version(), question = "Welke gemeente bedoelt u?" });
        await Settled(host, () => host.Scenario(s =>
        {
            s.Post.Json(new
            {
                answer = "Schiedam.", expectedVersion = asked.Version(),
                body = "Bewoners beslissen mee over de plannen voor hun wijk, zoals in Groenoord met het wijkbudget van de gemeente Schiedam.",
            }).ToUrl($"/api/contributions/proposals/{change.Id()}/answer");
            s.As(bram);
        }));
        var revisionBefore = (await ItemAsync(host, eva, content.LessonId)).GetProperty("revision").GetInt32();
        // Accepting waits until Content's intake (through the outbox) has written the draft.
        await ModerateProposalAsync(host, eva, change.Id(), "accept", new { reason = "mooie aanvulling" });
        if ((await ItemAsync(host, eva, content.LessonId)).GetProperty("revision").GetInt32() <= revisionBefore)
        {
            throw new InvalidOperationException("Geen concept uit het geaccepteerde voorstel.");
        }

        // A proposal for a new lesson, accepted: a new draft lesson in the section.
        var newLesson = await SubmitAsync(host, bram, new
        {
            kind = "nieuwe-les", section = content.SectionNumber, themes = new[] { content.ThemeSlug }, title = "Jongeren in Groenoord",
            statement = "Jongeren weten wat er speelt.", body = "Betrek jongeren vroeg bij de plannen.", motivation = "Ontbreekt nog in de gids.",
        });
        await ModerateProposalAsync(host, eva, newLesson.Id(), "accept", new { reason = "goede nieuwe les" });
        var newLessonOutcome = (await host.Scenario(s => { s.Get.Url("/api/contributions/mine/proposals"); s.As(bram); })).ReadAsJson<JsonElement[]>()
            .Single(p => p.Id() == newLesson.Id()).GetProperty("outcome");
        var newLessonDraft = newLessonOutcome.ValueKind == JsonValueKind.Object
            ? newLessonOutcome.Str("lessonId")
            : throw new InvalidOperationException("Geen nieuwe les uit het geaccepteerde voorstel.");

        // A proposal for a new source, rejected with a reason the contributor sees.
        var source = await SubmitAsync(host, wim, new
        {
            kind = "nieuwe-bron", lesson = content.RevertedLessonSlug, motivation = "Onderbouwing uit eigen wijk.",
            source = new { title = "Buurtmonitor Groenoord", author = "Wim Wisser", year = 2011, link = "https://example.org/buurtmonitor", kind = "practice" },
        });
        await ModerateProposalAsync(host, eva, source.Id(), "reject", new { expectedVersion = source.Version(), reasonCode = "onvoldoende-onderbouwd", reason = "Geen openbare bron." });

        return new ContributionsScenario(published.Id(), publishedMessage, answered.Id(), spam.Id(), handled.Id(), byWim.Id(), change.Id(),
            newLesson.Id(), Guid.Parse(newLessonDraft), source.Id());
    }

    private static async Task<JsonElement> SubmitAsync(IAlbaHost host, string cookie, object body) =>
        await Settled(host, async () => (await host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl("/api/contributions/proposals");
            s.As(cookie);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>());

    private static async Task<JsonElement> ModerateProposalAsync(IAlbaHost host, string editor, Guid id, string action, object body) =>
        await Settled(host, async () => (await host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl($"/api/contributions/moderation/proposals/{id}/{action}");
            s.As(editor);
        })).ReadAsJson<JsonElement>());

    private static async Task<JsonElement> ItemAsync(IAlbaHost host, string editor, Guid id) =>
        (await host.Scenario(s => { s.Get.Url($"/api/content/items/{id}"); s.As(editor); })).ReadAsJson<JsonElement>();

    // ------------------------------------------------------------------ Workshops

    private static async Task<WorkshopsScenario> WorkshopsAsync(IAlbaHost host, ShiftableClock clock, CommunityScenario community,
        ContentScenario content)
    {
        var organiser = await host.LoginAsRoleAsync("organiser");
        var funder = await host.LoginAsRoleAsync("funder");
        var bram = await host.LoginAsRoleAsync("contributor");
        var (trainers, _) = await host.WorkshopDirectoryAsync();
        var trainerIds = new[] { community.PersonId, trainers.First(t => t.Id != community.PersonId).Id };

        // A format, defined and changed.
        var format = (await host.Scenario(s =>
        {
            s.Post.Json(new
            {
                title = "Samen aan de slag in de wijk", description = "Een werkatelier met als uitkomst een plan van aanpak voor de wijk.",
                durationMinutes = 240, participantsPerSession = 2, price = 1500m, themes = new[] { "participatie", content.ThemeSlug },
                lessons = new[] { content.SectionNumber, content.LessonSlug }, trainers = trainerIds, reason = "nieuw aanbod",
            }).ToUrl("/api/workshops/formats");
            s.As(organiser);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        const string formatTitle = "Samen verder in de wijk";
        format = (await host.Scenario(s =>
        {
            s.Put.Json(new
            {
                formatId = format.Id(), title = formatTitle, description = "Een werkatelier van een dag met als uitkomst een plan van aanpak voor de wijk.",
                durationMinutes = 240, participantsPerSession = 2, price = 1750m, themes = new[] { "participatie", content.ThemeSlug },
                lessons = new[] { content.SectionNumber, content.LessonSlug }, trainers = trainerIds, expectedVersion = format.Version(),
                reason = "prijs en titel bijgesteld",
            }).ToUrl($"/api/workshops/formats/{format.Id()}");
            s.As(organiser);
        })).ReadAsJson<JsonElement>();
        var slug = format.Str("slug");

        // Sessions: one to be held, one moved, one cancelled (each in the future, in Amsterdam local time).
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string At(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T10:00";
        Task<JsonElement> ScheduleAsync(int days, string place) => Settled(host, async () => (await host.Scenario(s =>
        {
            s.Post.Json(new { formatSlug = slug, startsAt = At(days), place, capacity = 2, trainers = trainerIds }).ToUrl("/api/workshops/sessions");
            s.As(organiser);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>());
        var held = await ScheduleAsync(40, "Wijkcentrum Groenoord, Schiedam");
        var moved = await ScheduleAsync(50, "Stadskantoor Schiedam");
        var cancelled = await ScheduleAsync(60, "Bibliotheek Schiedam");

        var area = community.NeighbourhoodId;
        Task<JsonElement> RequestAsync(object body, string? cookie = null) => Settled(host, async () => (await host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl("/api/workshops/bookings");
            if (cookie is not null) s.As(cookie);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>());

        // Requests for the held session: the first (signed in, with co-financing) and second confirmed, the third on the wait list.
        var planned = await RequestAsync(new
        {
            formatSlug = slug, sessionId = held.Id(), areaId = area, organisation = "Gemeente Schiedam", contactName = "Bram Bijdrager",
            contactEmail = "contributor@wijkengids.test", participants = 1, goals = "Een plan van aanpak voor Groenoord.", coFinancing = true,
            coFinancingAmount = 1000m, coFinancingMotivation = "De wijk heeft geen eigen budget voor begeleiding.",
        }, bram);
        var second = await RequestAsync(WorkshopSteps.Request(slug, held.Id(), area, "tweede.aanvraag@example.nl"));
        var waiting = await RequestAsync(WorkshopSteps.Request(slug, held.Id(), area, "wachtlijst@example.nl"));
        // A request without a session, assigned to the moved session by the organiser.
        var open = await RequestAsync(WorkshopSteps.Request(slug, null, area, "later.graag@example.nl"));
        await Settled(host, () => host.Scenario(s =>
        {
            s.Post.Json(new { sessionId = moved.Id(), expectedVersion = open.Version() }).ToUrl($"/api/workshops/bookings/{open.Id()}/assign");
            s.As(organiser);
        }));
        // A request for the session that will be cancelled, with co-financing that the funder refuses.
        var refused = await RequestAsync(WorkshopSteps.RequestWithCoFinancing(slug, cancelled.Id(), area, "bibliotheek@example.nl", 5000m));

        // The second booking is cancelled: the wait list moves up.
        await Settled(host, () => host.Scenario(s =>
        {
            s.Post.Json(new { reason = "de gemeente trekt zich terug" }).ToUrl($"/api/workshops/bookings/{second.Id()}/cancel");
            s.As(organiser);
        }));

        // Co-financing decided: a grant (less than asked) and a refusal with a reason.
        await Settled(host, () => host.Scenario(s =>
        {
            s.Post.Json(new { grant = true, amount = 750m, expectedVersion = planned.Version() }).ToUrl($"/api/workshops/bookings/{planned.Id()}/co-financing");
            s.As(funder);
        }));
        await Settled(host, () => host.Scenario(s =>
        {
            s.Post.Json(new { grant = false, reason = "Het budget voor dit jaar is op." }).ToUrl($"/api/workshops/bookings/{refused.Id()}/co-financing");
            s.As(funder);
        }));

        // One session moved, one cancelled (its booking is cancelled with it; the areas are mailed).
        await Settled(host, () => host.Scenario(s =>
        {
            s.Post.Json(new { startsAt = At(52), place = "Stadskantoor Schiedam, zaal 2", reason = "de zaal is bezet" })
                .ToUrl($"/api/workshops/sessions/{moved.Id()}/move");
            s.As(organiser);
        }));
        await Settled(host, () => host.Scenario(s =>
        {
            s.Post.Json(new { reason = "te weinig aanmeldingen" }).ToUrl($"/api/workshops/sessions/{cancelled.Id()}/cancel");
            s.As(organiser);
        }));

        // After the held session (the clock moves past it, and back): the plan van aanpak is recorded and revised.
        var endsAt = held.GetProperty("endsAt").GetDateTimeOffset();
        var sessionDay = today.AddDays(40);
        JsonElement plan;
        clock.Offset = endsAt.AddDays(1) - DateTimeOffset.UtcNow;
        try
        {
            var later = await host.LoginAsRoleAsync("organiser");
            object Plan(object[] actions, long? expectedVersion) => new
            {
                goals = new[] { "Meer bewoners doen mee aan de wijkaanpak", "Eén loket voor vragen over leefbaarheid" },
                actions, lessons = new[] { content.SectionNumber, content.LessonSlug }, expectedVersion, reason = "uitkomst van het werkatelier",
            };
            plan = await Settled(host, async () => (await host.Scenario(s =>
            {
                s.Put.Json(Plan([new { description = "Bewonersavond organiseren", owner = "Wijkteam Groenoord", dueDate = Due(sessionDay, 30) }], null))
                    .ToUrl($"/api/workshops/bookings/{planned.Id()}/plan");
                s.As(later);
                s.StatusCodeShouldBe(200);
            })).ReadAsJson<JsonElement>());
            var first = plan.GetProperty("actions")[0].Str("id");
            plan = await Settled(host, async () => (await host.Scenario(s =>
            {
                s.Put.Json(Plan(
                    [
                        new { id = (string?)first, description = "Bewonersavond organiseren", owner = "Wijkteam Groenoord", dueDate = Due(sessionDay, 45) },
                        new { id = (string?)null, description = "Loket leefbaarheid inrichten", owner = "Gemeente Schiedam", dueDate = Due(sessionDay, 180) },
                    ], plan.Version())).ToUrl($"/api/workshops/bookings/{planned.Id()}/plan");
                s.As(later);
                s.StatusCodeShouldBe(200);
            })).ReadAsJson<JsonElement>());
        }
        finally
        {
            clock.Offset = TimeSpan.Zero;
        }

        // The contact keeps the plan up to date through the private link and agrees to publication on the area's page.
        var token = planned.Str("statusUrl").Split('/').Last();
        var action = plan.GetProperty("actions")[0];
        plan = await Settled(host, async () => (await host.Scenario(s =>
        {
            s.Post.Json(new { status = "bezig", expectedVersion = plan.Version() }).ToUrl($"/api/workshops/plans/link/{token}/actions/{action.Str("id")}/status");
            s.StatusCodeShouldBe(200);
        })).ReadAsJson<JsonElement>());
        await Settled(host, () => host.Scenario(s =>
        {
            s.Post.Json(new { consent = true, expectedVersion = plan.Version(), reason = "de wijkraad stemt in" })
                .ToUrl($"/api/workshops/plans/link/{token}/publication");
            s.StatusCodeShouldBe(200);
        }));

        return new WorkshopsScenario(format.Id(), slug, formatTitle, held.Id(), moved.Id(), cancelled.Id(), planned.Id(), token,
            second.Id(), waiting.Id(), waiting.Str("statusUrl").Split('/').Last(), open.Id(), refused.Id(), Guid.Parse(action.Str("id")),
            action.Str("description"), area);
    }

    private static string Due(DateOnly sessionDay, int days) => sessionDay.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ Erasure, a second edition, the auditors

    /// <summary>The admin erases a contributor on their request (AVG): their reaction and proposal stay, without name or text.</summary>
    private static async Task ErasureAsync(IAlbaHost host, CommunityScenario community)
    {
        var admin = await host.LoginAsRoleAsync("admin");
        await Settled(host, () => host.Scenario(s =>
        {
            s.Post.Json(new { subjectId = community.ErasedAccountId, reason = "verzoek van betrokkene per e-mail" }).ToUrl("/api/community/erasures");
            s.As(admin);
            s.StatusCodeShouldBe(200);
        }));
    }

    /// <summary>The draft that came from the accepted proposal is reviewed and published, and a second edition lists it.</summary>
    private static async Task<int> SecondEditionAsync(IAlbaHost host, CommunityScenario community, ContentScenario content)
    {
        var eva = await host.LoginAsRoleAsync("editor");
        var ruud = await host.LoginAsync(community.SecondEditorEmail, OpenedPassword);
        var item = await ItemAsync(host, eva, content.LessonId);
        // The acceptor (eva) wrote the intake revision, so the other editor reviews it.
        item = await host.StepAsync(eva, item, "submit");
        item = await host.StepAsync(ruud, item, "approve");
        await Settled(host, () => host.StepAsync(ruud, item, "publish", reason: "voorstel van een lezer verwerkt"));
        return await Settled(host, () => PublishEditionAsync(host, eva, content.SecondEditionTitle));
    }

    /// <summary>An auditor looks: a search of the timeline, the lesson's provenance, a verification of the chain.</summary>
    private static async Task<AuditScenario> AuditAsync(IAlbaHost host, ContentScenario content)
    {
        var auditor = await host.LoginAsRoleAsync("auditor");
        await host.Scenario(s => { s.Get.Url($"/api/audit/timeline?item={content.LessonId}&order=oldest"); s.As(auditor); });
        await host.Scenario(s => { s.Get.Url($"/api/audit/items/{content.LessonId}/provenance"); s.As(auditor); });
        var verified = await host.VerifiedThroughAsync(auditor, await host.LastSequenceAsync());
        if (!verified.GetProperty("intact").GetBoolean()) throw new InvalidOperationException("De hashketen is niet intact: " + verified.GetRawText());
        return new AuditScenario(verified.GetProperty("to").GetInt64());
    }

    /// <summary>Runs <paramref name="action"/> and waits until every message it caused (cascades through Wolverine) is handled.</summary>
    private static async Task<T> Settled<T>(IAlbaHost host, Func<Task<T>> action)
    {
        T result = default!;
        await host.TrackActivity().Timeout(TimeSpan.FromSeconds(60))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ => result = await action()));
        return result;
    }

    private static Task Settled(IAlbaHost host, Func<Task> action) => Settled(host, async () =>
    {
        await action();
        return true;
    });
}

/// <summary>What <see cref="Scenarios.FillEveryModuleAsync"/> made: ids, slugs, tokens and names, for later checks.</summary>
public sealed record ScenarioOutcome(long SequenceBefore, long SequenceAfter, CommunityScenario Community, ContentScenario Content,
    ContributionsScenario Contributions, WorkshopsScenario Workshops, AuditScenario Audit);

public sealed record CommunityScenario(Guid SecondEditorId, string SecondEditorEmail, string SecondEditorName, Guid ChangedAccountId,
    string ChangedAccountEmail, Guid ErasedAccountId, string ErasedEmail, Guid RegisteredAccountId, string RegisteredEmail,
    string RegisteredPassword, string RegisteredName, string SubscriberEmail, Guid PersonId, string PersonName, Guid OrganisationId,
    string OrganisationName, Guid RegionId, string RegionName, Guid NeighbourhoodId, string NeighbourhoodName, Guid MovedMunicipalityId);

public sealed record ContentScenario(Guid ThemeId, string ThemeSlug, string ThemeName, Guid ChapterId, string ChapterNumber, Guid SectionId,
    string SectionNumber, string SectionTitle, Guid LessonId, string LessonSlug, string LessonTitle, Guid RevertedLessonId, string RevertedLessonSlug,
    string RevertedLessonTitle, Guid NewsId, string NewsSlug, string NewsTitle, int FirstEdition, string FirstEditionTitle, int SecondEdition,
    string SecondEditionTitle);

public sealed record ContributionsScenario(Guid PublishedReactionId, string PublishedReactionMessage, Guid AnsweredReactionId, Guid SpamReactionId,
    Guid HandledReactionId, Guid ErasedContributorReactionId, Guid AcceptedProposalId, Guid NewLessonProposalId, Guid NewLessonDraftId,
    Guid RejectedProposalId);

public sealed record WorkshopsScenario(Guid FormatId, string FormatSlug, string FormatTitle, Guid HeldSessionId, Guid MovedSessionId,
    Guid CancelledSessionId, Guid PlanBookingId, string PlanBookingToken, Guid CancelledBookingId, Guid PromotedBookingId, string PromotedBookingToken,
    Guid AssignedBookingId, Guid RefusedBookingId, Guid PlanActionId, string PlanActionDescription, Guid PlanAreaId);

public sealed record AuditScenario(long VerifiedThrough);

/// <summary>
/// Upgrade fixtures: a database filled by <see cref="Scenarios"/>, kept as a gzipped plain-SQL dump in Fixtures/ with a manifest
/// (JSON, read by the tests) and a description (Markdown). Made by Fixtures/make-upgrade-fixture.sh, never remade once later
/// event shapes exist (docs/adr/0088).
/// </summary>
public static class UpgradeFixtures
{
    /// <summary>When set to a path ending in .sql.gz, <see cref="ScenarioTests"/> also writes its database there as a fixture.</summary>
    public const string FixtureVariable = "WIJKENGIDS_UPGRADE_FIXTURE";

    /// <summary>The commit the fixture is made from (set by make-upgrade-fixture.sh).</summary>
    public const string CommitVariable = "WIJKENGIDS_UPGRADE_FIXTURE_COMMIT";

    /// <summary>The fixture <paramref name="name"/> as copied beside the test assembly.</summary>
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".sql.gz");

    public static string ManifestPathOf(string fixture) => fixture[..^".sql.gz".Length] + ".json";

    /// <summary>
    /// Waits until the asynchronous side has caught up with the last event (the audit timeline and the hash chain: the
    /// daemon's progress) and checks that no message waits in Wolverine's inbox or outbox: every step of the scenarios
    /// that sends messages waited for them (<c>Settled</c>). Read in SQL, so that waiting adds no audit look of its own.
    /// </summary>
    public static async Task WaitUntilSettledAsync(IAlbaHost host)
    {
        await host.ProjectionsCaughtUpAsync();
        var last = await host.LastSequenceAsync();
        var timeline = await host.ScalarAsync<long>("select coalesce(max(seq), 0) from audit.timeline");
        var chained = await host.ScalarAsync<long>("select coalesce(max(seq), 0) from audit.hash_chain");
        var waiting = await host.ScalarAsync<long>(
            "select (select count(*) from messaging.wolverine_outgoing_envelopes) + " +
            "(select count(*) from messaging.wolverine_incoming_envelopes where status <> 'Handled')");
        if (timeline < last || chained < last || waiting > 0)
        {
            throw new InvalidOperationException(
                $"Niet stil: laatste positie {last}, tijdlijn {timeline}, hashketen {chained}, {waiting} bericht(en) in in- of outbox.");
        }
    }

    /// <summary>The events per module as the audit timeline classifies them: streams and events, up to <paramref name="through"/>.</summary>
    public static async Task<SortedDictionary<string, (long Streams, long Events)>> CountsByModuleAsync(string connection, long through)
    {
        var counts = new SortedDictionary<string, (long, long)>(StringComparer.Ordinal);
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select module, count(distinct stream), count(*) from audit.timeline where seq <= $1 group by module", db);
        command.Parameters.AddWithValue(through);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        return counts;
    }

    /// <summary>Dumps the database as plain SQL (pg_dump --no-owner --no-privileges), gzipped, with its manifest and description.</summary>
    public static async Task WriteAsync(string connection, string path, ScenarioOutcome result)
    {
        if (!path.EndsWith(".sql.gz", StringComparison.Ordinal)) throw new ArgumentException($"{FixtureVariable} moet op .sql.gz eindigen: {path}");
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var sql = Path.Combine(Path.GetTempPath(), $"wijkengids-fixture-{Guid.NewGuid():N}.sql");
        try
        {
            await RunAsync("pg_dump", ["--format=plain", "--no-owner", "--no-privileges", "--encoding=UTF8", "--file", sql], connection);
            await using (var input = File.OpenRead(sql))
            await using (var output = File.Create(path))
            await using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
            {
                await input.CopyToAsync(gzip);
            }
        }
        finally
        {
            File.Delete(sql);
        }

        var (events, streams, maxSequence) = await TotalsAsync(connection);
        var modules = await CountsByModuleAsync(connection, maxSequence);
        var name = Path.GetFileName(path)[..^".sql.gz".Length];
        var commit = Environment.GetEnvironmentVariable(CommitVariable) ?? "onbekend";
        var made = DateTimeOffset.UtcNow;
        var manifest = new
        {
            name, commit, made, pgDump = await VersionOfAsync("pg_dump"), bytes = new FileInfo(path).Length,
            events, streams, maxSequence,
            modules = modules.ToDictionary(m => m.Key, m => new { streams = m.Value.Streams, events = m.Value.Events }),
            scenario = result,
        };
        await File.WriteAllTextAsync(ManifestPathOf(path),
            JsonSerializer.Serialize(manifest, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }) + "\n");
        await File.WriteAllTextAsync(path[..^".sql.gz".Length] + ".md", Describe(name, commit, made, manifest.pgDump, new FileInfo(path).Length,
            events, streams, maxSequence, modules, result));
    }

    private static string Describe(string name, string commit, DateTimeOffset made, string pgDump, long bytes, long events, long streams, long maxSequence,
        SortedDictionary<string, (long Streams, long Events)> modules, ScenarioOutcome result)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Upgrade fixture `{name}`");
        text.AppendLine();
        text.AppendLine("**Never regenerate this fixture once the code writes later event shapes (renamed event types, aliases, migrated");
        text.AppendLine("documents).** It stands for a database that exists in the field; remaking it with newer code would hide exactly the");
        text.AppendLine("upgrade it is there to prove. A newer database gets a fixture of its own with a new name (docs/adr/0088).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- made from commit `{commit}` on {made:yyyy-MM-dd HH:mm} UTC by `make-upgrade-fixture.sh`");
        text.AppendLine("  (the test `ScenarioTests` with `WIJKENGIDS_UPGRADE_FIXTURE`, a host started by `AppFactory`: Development, `AppFactory.MasterKey`)");
        text.AppendLine(CultureInfo.InvariantCulture, $"- `{name}.sql.gz`: `pg_dump --format=plain --no-owner --no-privileges` ({pgDump}), gzipped, {bytes:N0} bytes");
        text.AppendLine(CultureInfo.InvariantCulture, $"- `{name}.json`: the manifest the tests read (counts, and the ids, slugs and tokens the scenarios made)");
        text.AppendLine("- personal data in it is sealed with keys that open with `AppFactory.MasterKey` only; all of it is made up");
        text.AppendLine();
        text.AppendLine("## What it holds");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{events:N0} events in {streams:N0} streams (last position {maxSequence:N0}); the scenarios wrote positions " +
            $"{result.SequenceBefore + 1:N0}–{result.SequenceAfter:N0}, the rest is the seed (guide, people, areas, development accounts) and the audit's own looks.");
        text.AppendLine();
        text.AppendLine("| module | streams | events |");
        text.AppendLine("|---|---:|---:|");
        foreach (var (module, (moduleStreams, moduleEvents)) in modules)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {module} | {moduleStreams:N0} | {moduleEvents:N0} |");
        }
        text.AppendLine();
        text.AppendLine("The journeys (`tests/Wijkengids.Tests.Integration/Infrastructure/Scenarios.cs` at that commit):");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- **Content**: theme `{result.Content.ThemeSlug}` defined and renamed; chapter {result.Content.ChapterNumber} and " +
            $"section {result.Content.SectionNumber} published; lesson `{result.Content.LessonSlug}` (drafts, changes requested once, approved by the " +
            $"second editor, published, then the accepted proposal's revision published); lesson `{result.Content.RevertedLessonSlug}` (reverted, " +
            $"published); news `{result.Content.NewsSlug}`; editions {result.Content.FirstEdition} and {result.Content.SecondEdition}.");
        text.AppendLine("- **Contributions**: reactions anonymous and signed in (published, answered, spam, handled); a change proposal with a question," +
            " an answer and acceptance; a new-lesson proposal accepted; a new-source proposal rejected.");
        text.AppendLine("- **Community**: accounts opened by the admin (a second editor, roles changed, deactivated and activated again), a registration" +
            " confirmed and its profile changed, a confirmed subscription, an organisation and a person registered and changed, areas registered and" +
            " moved, one contributor erased (AVG).");
        text.AppendLine(CultureInfo.InvariantCulture, $"- **Workshops**: format `{result.Workshops.FormatSlug}` defined and changed; sessions scheduled, one moved, " +
            $"one cancelled; bookings requested, assigned, wait-listed and promoted, cancelled; co-financing granted and refused; a plan van aanpak " +
            $"recorded, revised, an action's status updated and publication agreed by the contact.");
        text.AppendLine("- **Audit**: the auditor's searches, a provenance view and verifications (the looks are events too).");
        text.AppendLine();
        text.AppendLine("`UpgradeTests` restores it into a new database, starts today's host on it and checks that every event loads, the");
        text.AppendLine("timeline and the hash chain cover it, the site serves it, and a new write on an old stream works.");
        return text.ToString();
    }

    /// <summary>Restores a gzipped plain-SQL fixture into the (empty) database of <paramref name="connection"/> with psql, in one transaction.</summary>
    public static async Task RestoreAsync(string connection, string path)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await RunAsync("psql", ["--no-psqlrc", "--quiet", "--single-transaction", "--set", "ON_ERROR_STOP=1", "--file", "-"], connection, gzip);
    }

    public static async Task<(long Events, long Streams, long MaxSequence)> TotalsAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select (select count(*) from events.mt_events), (select count(*) from events.mt_streams), " +
            "(select coalesce(max(seq_id), 0) from events.mt_events)", db);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static async Task<string> VersionOfAsync(string tool)
    {
        var start = new ProcessStartInfo(LocalPostgresCluster.FindTool(tool), "--version") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var version = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return version.Trim();
    }

    /// <summary>
    /// Runs a PostgreSQL client program found the way the host finds pg_dump (beside initdb, else on PATH), connected through
    /// libpq's environment variables, optionally feeding <paramref name="input"/> to its standard input.
    /// </summary>
    private static async Task RunAsync(string tool, IReadOnlyList<string> args, string connection, Stream? input = null)
    {
        var settings = new NpgsqlConnectionStringBuilder(connection);
        var start = new ProcessStartInfo(LocalPostgresCluster.FindTool(tool))
        {
            RedirectStandardInput = input is not null, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (variable, value) in new[]
                 {
                     ("PGHOST", settings.Host), ("PGPORT", settings.Port.ToString(CultureInfo.InvariantCulture)), ("PGDATABASE", settings.Database),
                     ("PGUSER", settings.Username), ("PGPASSWORD", settings.Password),
                 })
        {
            start.Environment.Remove(variable);
            if (!string.IsNullOrEmpty(value)) start.Environment[variable] = value;
        }
        using var process = Process.Start(start) ?? throw new IOException($"Kon {tool} niet starten.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await input.CopyToAsync(process.StandardInput.BaseStream);
            process.StandardInput.Close();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var messages = ((await error).Trim() + " " + (await output).Trim()).Trim();
        if (process.ExitCode != 0) throw new IOException($"{tool} mislukte (exitcode {process.ExitCode}): {messages}");
        // psql reports failed statements on stderr; with ON_ERROR_STOP they also fail the run, but say what went wrong.
        if (tool == "psql" && messages.Contains("ERROR", StringComparison.Ordinal)) throw new IOException($"{tool}: {messages}");
    }
}
