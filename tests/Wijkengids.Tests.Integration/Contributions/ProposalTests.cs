using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Contributions.Contracts;
using Wijkengids.Tests.Integration.Community;
using Wijkengids.Tests.Integration.Content;
using Wijkengids.Tests.Integration.Infrastructure;
using Wolverine;
using Wolverine.Tracking;

namespace Wijkengids.Tests.Integration.Contributions;

/// <summary>Proposals (aanvullingen): submit, moderate with reasons, ask-info round trip, merge, outdated, and acceptance into Content.</summary>
[Collection(SharedHosts.Contributions)]
public sealed class ProposalTests(ContributionsHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    private Task<string> ContributorAsync() => Host.LoginAsRoleAsync("contributor");

    /// <summary>A lesson published by one editor and reviewed by another (four-eyes); returns it with both editors.</summary>
    private async Task<(JsonElement Lesson, string Eva, string Ruud)> PublishedLessonAsync(string title, string body)
    {
        var eva = await Host.LoginAsRoleAsync("editor");
        var ruud = await Host.NewEditorAsync($"ruud-{Guid.NewGuid():N}@example.nl", "Ruud Revisor");
        var lesson = await Host.PublishAsync(eva, ruud, "lesson", ContentApi.Lesson(title, body, sections: ["1.4"], themes: ["participatie"]));
        return (lesson, eva, ruud);
    }

    private async Task<JsonElement> SubmitAsync(string cookie, object body, int status = 201)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl("/api/contributions/proposals"); s.As(cookie);
            s.StatusCodeShouldBe(status);
        });
        return result.ReadAsJson<JsonElement>();
    }

    private static object Change(string slug, string title, string body, string motivation = "De praktijk laat dit zien.", int? baseRevision = null) =>
        new { kind = "wijziging", lesson = slug, title, statement = "Een korte stelling.", body, motivation, baseRevision };

    /// <summary>Moderates a proposal and waits until every message it sends (Content's intake, the contributor's mail) has been handled.</summary>
    private async Task<JsonElement> ModerateAsync(string cookie, Guid id, string action, object body, int status = 200)
    {
        var result = await Host.TrackedAsync(() => Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl($"/api/contributions/moderation/proposals/{id}/{action}"); s.As(cookie);
            s.StatusCodeShouldBe(status);
        }));
        return result.ReadAsJson<JsonElement>();
    }

    private async Task<JsonElement> EditorViewAsync(string cookie, Guid id) =>
        (await Host.Scenario(s => { s.Get.Url($"/api/contributions/moderation/proposals/{id}"); s.As(cookie); })).ReadAsJson<JsonElement>();

    private async Task<JsonElement> MineAsync(string cookie, Guid id) =>
        (await Host.Scenario(s => { s.Get.Url("/api/contributions/mine/proposals"); s.As(cookie); })).ReadAsJson<JsonElement[]>()
        .Single(p => p.Id() == id);

    private static string DiffText(JsonElement fields, string change) =>
        string.Concat(fields.EnumerateArray().SelectMany(f => f.GetProperty("runs").EnumerateArray())
            .Where(r => r.Str("change") == change).Select(r => r.Str("text")));

    [Fact]
    public async Task A_change_is_kept_with_its_base_revision_and_shown_as_a_word_diff_to_its_proposer_only()
    {
        var (lesson, eva, _) = await PublishedLessonAsync("Bewoners aan zet", "Bewoners beslissen mee over de wijk.");
        var carla = await ContributorAsync();
        var sent = await SubmitAsync(carla, Change(lesson.Str("slug"), "Bewoners aan zet", "Bewoners en ondernemers beslissen mee over de wijk.", baseRevision: 1));
        Assert.Equal("ingediend", sent.Str("status"));

        var own = (await Host.Scenario(s => { s.Get.Url($"/api/contributions/proposals/{sent.Id()}"); s.As(carla); })).ReadAsJson<JsonElement>();
        Assert.Equal(1, own.GetProperty("baseRevision").GetInt32());
        Assert.False(own.GetProperty("outdated").GetBoolean());
        Assert.Equal("en ondernemers ", DiffText(own.GetProperty("changes"), "inserted"));
        Assert.Equal("", DiffText(own.GetProperty("changes"), "deleted"));

        // Another contributor sees nothing of it; readers and other roles may not propose at all.
        var other = await NewContributorAsync();
        await Host.Scenario(s => { s.Get.Url($"/api/contributions/proposals/{sent.Id()}"); s.As(other); s.StatusCodeShouldBe(404); });
        Assert.Empty((await Host.Scenario(s => { s.Get.Url("/api/contributions/mine/proposals"); s.As(other); })).ReadAsJson<JsonElement[]>());
        (await Host.Scenario(s =>
        {
            s.Post.Json(Change(lesson.Str("slug"), "x", "y")).ToUrl("/api/contributions/proposals");
            s.StatusCodeShouldBe(401);
        })).ShouldBeProblem(401);
        var organiser = await Host.LoginAsRoleAsync("organiser");
        await SubmitAsync(organiser, Change(lesson.Str("slug"), "x", "y"), 403);

        // The editors' queue lists it; the event carries the actor and the name stays sealed.
        var queue = (await Host.Scenario(s => { s.Get.Url("/api/contributions/moderation/proposals?kind=wijziging&section=1.4"); s.As(eva); }))
            .ReadAsJson<JsonElement[]>();
        Assert.Contains(queue, p => p.Id() == sent.Id());
        Assert.DoesNotContain((await Host.Scenario(s => { s.Get.Url("/api/contributions/moderation/proposals?kind=nieuwe-les"); s.As(eva); }))
            .ReadAsJson<JsonElement[]>(), p => p.Id() == sent.Id());
        Assert.DoesNotContain((await Host.Scenario(s => { s.Get.Url("/api/contributions/moderation/proposals?olderThanDays=3"); s.As(eva); }))
            .ReadAsJson<JsonElement[]>(), p => p.Id() == sent.Id());
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var submitted = (await session.Events.FetchStreamAsync(sent.Id())).Single();
        Assert.Equal(await Host.MeAsync(carla), submitted.UserName);
        Assert.False(string.IsNullOrEmpty(submitted.CorrelationId));
        var raw = await session.QueryAsync<string>("select data::text from events.mt_events where stream_id = ?", sent.Id());
        Assert.DoesNotContain("De praktijk laat dit zien.", raw.Single());
    }

    [Fact]
    public async Task Bad_input_is_400_with_dutch_messages_and_a_stale_base_revision_is_409()
    {
        var (lesson, _, _) = await PublishedLessonAsync("Bronnen tellen", "Tekst.");
        var carla = await ContributorAsync();
        var noMotivation = await Host.Scenario(s =>
        {
            s.Post.Json(new { kind = "wijziging", lesson = lesson.Str("slug"), title = "", body = "", motivation = "" }).ToUrl("/api/contributions/proposals");
            s.As(carla);
            s.StatusCodeShouldBe(400);
        });
        var errors = noMotivation.ShouldBeProblem(400).GetProperty("errors");
        Assert.Equal("Licht uw voorstel toe: waarom is het een verbetering?", errors.GetProperty("motivation")[0].GetString());
        Assert.Equal("Vul een titel in.", errors.GetProperty("title")[0].GetString());

        var script = await Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                kind = "nieuwe-bron", lesson = lesson.Str("slug"), motivation = "Goede bron.",
                source = new { title = "Rapport", link = "javascript:alert(1)", kind = "research" },
            }).ToUrl("/api/contributions/proposals");
            s.As(carla);
            s.StatusCodeShouldBe(400);
        });
        Assert.Contains("http", script.ShouldBeProblem(400).GetProperty("errors").GetProperty("sourceLink")[0].GetString());

        var stale = await Host.Scenario(s =>
        {
            s.Post.Json(Change(lesson.Str("slug"), "Bronnen tellen", "Andere tekst.", baseRevision: 7)).ToUrl("/api/contributions/proposals");
            s.As(carla);
            s.StatusCodeShouldBe(409);
        });
        Assert.Contains("revisie 1", stale.ShouldBeProblem(409).GetProperty("detail").GetString());
        await SubmitAsync(carla, Change(lesson.Str("slug"), "Bronnen tellen", "Tekst."), 422); // nothing changed
        await SubmitAsync(carla, new { kind = "nieuwe-les", section = "9.9", title = "Nieuw", body = "Tekst", motivation = "Waarom niet." }, 422);
        await SubmitAsync(carla, Change("bestaat-niet", "x", "y"), 404);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_code_that_the_contributor_sees_with_the_editors_words_and_only_editors_moderate()
    {
        var (lesson, eva, _) = await PublishedLessonAsync("Samen plannen", "Plannen maak je samen.");
        var carla = await ContributorAsync();
        var sent = await SubmitAsync(carla, Change(lesson.Str("slug"), "Samen plannen", "Plannen maak je samen met de wijk."));

        (await Host.Scenario(s =>
        {
            s.Post.Json(new { reason = "nee" }).ToUrl($"/api/contributions/moderation/proposals/{sent.Id()}/reject");
            s.StatusCodeShouldBe(401);
        })).ShouldBeProblem(401);
        await ModerateAsync(carla, sent.Id(), "reject", new { reason = "zelf afwijzen" }, 403);
        await Host.Scenario(s => { s.Get.Url("/api/contributions/moderation/proposals"); s.As(carla); s.StatusCodeShouldBe(403); });

        var noReason = await Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = 1 }).ToUrl($"/api/contributions/moderation/proposals/{sent.Id()}/reject"); s.As(eva);
            s.StatusCodeShouldBe(400);
        });
        Assert.Equal("Kies een reden voor 'afgewezen': buiten-onderwerp, persoonsgegevens, ongepast, dubbel, onvoldoende-onderbouwd.",
            noReason.ShouldBeProblem(400).GetProperty("errors").GetProperty("reasonCode")[0].GetString());
        // A code from the list, but not one a rejection can have.
        await ModerateAsync(eva, sent.Id(), "reject", new { expectedVersion = 1, reasonCode = "spam" }, 400);
        await ModerateAsync(eva, sent.Id(), "reject", new { expectedVersion = 5, reasonCode = "dubbel", reason = "oud" }, 409);

        JsonElement rejected = default;
        var tracked = await Host.TrackedAsync(async _ => rejected = (await Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = 1, reasonCode = "dubbel", reason = "Dit staat al in paragraaf 1.4." })
                .ToUrl($"/api/contributions/moderation/proposals/{sent.Id()}/reject"); s.As(eva);
        })).ReadAsJson<JsonElement>());
        Assert.Equal("afgewezen", rejected.Str("status"));
        var notice = tracked.AllRecordsInOrder().Select(r => r.Envelope?.Message).OfType<ContributionStatusChanged>()
            .First(m => m.ContributionId == sent.Id() && m.Status != "ingediend");
        Assert.Equal(("voorstel", "afgewezen", "afgewezen"), (notice.Kind, notice.Status, notice.StatusText));
        Assert.StartsWith("Reden: dubbel.\n\nDit staat al in paragraaf 1.4.\n\nBent u het niet eens met dit besluit?", notice.Message);
        Assert.Equal(Guid.Parse(await Host.MeAsync(carla)), notice.ContributorAccountId);
        Assert.Equal($"/mijn-bijdragen/voorstellen/{sent.Id()}", notice.Url);
        var mine = await MineAsync(carla, sent.Id());
        Assert.Equal("afgewezen", mine.Str("status"));
        Assert.Equal("Dit staat al in paragraaf 1.4.", mine.Str("editorReason"));
        Assert.Equal(("dubbel", "dubbel", true), (mine.Str("reasonCode"), mine.Str("reasonText"), mine.GetProperty("canObject").GetBoolean()));
        await ModerateAsync(eva, sent.Id(), "accept", new { }, 422);

        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var last = (await session.Events.FetchStreamAsync(sent.Id())).Last();
        Assert.Equal("Dit staat al in paragraaf 1.4.", last.Headers!["reason"]?.ToString());
        Assert.Equal(await Host.MeAsync(eva), last.UserName);
    }

    [Fact]
    public async Task Asking_for_more_information_lets_the_contributor_answer_and_resubmit_a_revised_text()
    {
        var (lesson, eva, _) = await PublishedLessonAsync("Sleutelfiguren", "Sleutelfiguren verbinden.");
        var carla = await ContributorAsync();
        var sent = await SubmitAsync(carla, Change(lesson.Str("slug"), "Sleutelfiguren", "Sleutelfiguren verbinden buren."));
        await Host.Scenario(s =>
        {
            s.Post.Json(new { answer = "te vroeg" }).ToUrl($"/api/contributions/proposals/{sent.Id()}/answer"); s.As(carla);
            s.StatusCodeShouldBe(422);
        });
        await ModerateAsync(eva, sent.Id(), "request-information", new { question = "" }, 400);
        var asked = await ModerateAsync(eva, sent.Id(), "request-information", new { expectedVersion = 1, question = "Welke wijk bedoelt u?" });
        Assert.Equal("meer-informatie", asked.Str("status"));
        // The queue filters on the stored status: one status, "open" (submitted or waiting for an answer) or "alle".
        async Task<bool> InQueueAsync(string status) =>
            (await Host.Scenario(s => { s.Get.Url($"/api/contributions/moderation/proposals?status={status}"); s.As(eva); })).ReadAsJson<JsonElement[]>()
            .Any(p => p.Id() == sent.Id());
        Assert.True(await InQueueAsync("meer-informatie"));
        Assert.True(await InQueueAsync("open"));
        Assert.True(await InQueueAsync("alle"));
        Assert.False(await InQueueAsync("ingediend"));
        Assert.False(await InQueueAsync("afgewezen"));
        var unknown = (await Host.Scenario(s =>
        {
            s.Get.Url("/api/contributions/moderation/proposals?status=InformationRequested"); s.As(eva); s.StatusCodeShouldBe(400);
        })).ShouldBeProblem(400);
        Assert.Equal("Onbekende status ‘InformationRequested’. Kies uit: open, bezwaar, alle, ingediend, meer-informatie, geaccepteerd, afgewezen of samengevoegd.",
            unknown.GetProperty("errors").GetProperty("status")[0].GetString());
        var mine = await MineAsync(carla, sent.Id());
        Assert.Equal("Welke wijk bedoelt u?", mine.Str("openQuestion"));

        var other = await NewContributorAsync();
        await Host.Scenario(s =>
        {
            s.Post.Json(new { answer = "niet van mij" }).ToUrl($"/api/contributions/proposals/{sent.Id()}/answer"); s.As(other);
            s.StatusCodeShouldBe(404);
        });
        var answered = (await Host.Scenario(s =>
        {
            s.Post.Json(new { answer = "De Schilderswijk.", body = "Sleutelfiguren verbinden buren in de Schilderswijk.", expectedVersion = 2 })
                .ToUrl($"/api/contributions/proposals/{sent.Id()}/answer");
            s.As(carla);
        })).ReadAsJson<JsonElement>();
        Assert.Equal("ingediend", answered.Str("status"));

        var view = await EditorViewAsync(eva, sent.Id());
        Assert.Equal(["redactie", "bijdrager"], view.GetProperty("conversation").EnumerateArray().Select(n => n.Str("from")).ToArray());
        Assert.Equal("De Schilderswijk.", view.GetProperty("conversation")[1].Str("text"));
        Assert.Contains("in de Schilderswijk", DiffText(view.GetProperty("changes"), "inserted"));
        Assert.True(view.GetProperty("openQuestion").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task A_duplicate_is_merged_into_another_proposal_with_its_reason_kept()
    {
        var (lesson, eva, _) = await PublishedLessonAsync("Wijkteams", "Wijkteams werken integraal.");
        var carla = await ContributorAsync();
        var first = await SubmitAsync(carla, Change(lesson.Str("slug"), "Wijkteams", "Wijkteams werken integraal en dichtbij."));
        var second = await SubmitAsync(carla, Change(lesson.Str("slug"), "Wijkteams", "Wijkteams werken dichtbij en integraal."));

        await ModerateAsync(eva, second.Id(), "merge", new { intoProposalId = first.Id() }, 400);
        await ModerateAsync(eva, second.Id(), "merge", new { intoProposalId = second.Id(), reason = "zelf" }, 400);
        var merged = await ModerateAsync(eva, second.Id(), "merge", new { intoProposalId = first.Id(), reason = "Zelfde strekking als het eerdere voorstel." });
        Assert.Equal("samengevoegd", merged.Str("status"));

        var view = await EditorViewAsync(eva, second.Id());
        Assert.Equal(first.Id().ToString(), view.Str("mergedInto"));
        Assert.Equal("Zelfde strekking als het eerdere voorstel.", view.Str("editorReason"));
        var target = await EditorViewAsync(eva, first.Id());
        Assert.Equal([second.Id().ToString()], target.GetProperty("mergedDuplicates").EnumerateArray().Select(x => x.GetString()!).ToArray());
        Assert.Equal("ingediend", target.Str("status"));
        await ModerateAsync(eva, first.Id(), "merge", new { intoProposalId = second.Id(), reason = "terug" }, 422);
        Assert.Equal("Zelfde strekking als het eerdere voorstel.", (await MineAsync(carla, second.Id())).Str("editorReason"));

        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal("Zelfde strekking als het eerdere voorstel.", (await session.Events.FetchStreamAsync(first.Id())).Last().Headers!["reason"]?.ToString());
    }

    [Fact]
    public async Task An_outdated_proposal_shows_both_diffs_and_accepting_it_yields_a_draft_with_attribution_that_ends_up_in_an_edition()
    {
        var (lesson, eva, ruud) = await PublishedLessonAsync("Lange adem", "Wijkaanpak vraagt een lange adem.");
        var carla = await ContributorAsync();
        var carlaId = Guid.Parse(await Host.MeAsync(carla));
        var sent = await SubmitAsync(carla, Change(lesson.Str("slug"), "Lange adem", "Wijkaanpak vraagt een lange adem van tien jaar.", baseRevision: 1));

        // The lesson moves on to revision 2: the proposal is outdated and shows what changed since its base.
        var item = await Host.SaveDraftAsync(eva, lesson, ContentApi.Lesson("Lange adem", "Wijkaanpak vraagt echt een lange adem.", sections: ["1.4"]));
        item = await Host.StepAsync(eva, item, "submit");
        item = await Host.StepAsync(ruud, item, "approve");
        item = await Host.StepAsync(ruud, item, "publish");
        var view = await EditorViewAsync(eva, sent.Id());
        Assert.True(view.GetProperty("outdated").GetBoolean());
        Assert.Equal(2, view.GetProperty("currentRevision").GetInt32());
        Assert.Equal("van tien jaar", DiffText(view.GetProperty("changes"), "inserted").Trim());
        Assert.Equal("echt ", DiffText(view.GetProperty("sinceBase"), "inserted"));
        Assert.True((await MineAsync(carla, sent.Id())).GetProperty("outdated").GetBoolean());
        var page = (await Host.Scenario(s => { s.Get.Url($"/redactie/bijdragen/voorstellen/{sent.Id()}"); s.As(eva); })).ReadAsText();
        Assert.Contains("Verouderd", page);
        Assert.Contains("<ins>echt </ins>", page);

        // Accepting goes through Wolverine and the outbox to Content's intake: a draft on the current text, with attribution.
        await ModerateAsync(eva, sent.Id(), "accept", new { expectedVersion = 1, reason = "mooie aanvulling" });
        var drafted = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{lesson.Id()}"); s.As(eva); })).ReadAsJson<JsonElement>();
        Assert.Equal(3, drafted.GetProperty("revision").GetInt32());
        Assert.Equal("draft", drafted.Str("status"));
        Assert.Equal("Wijkaanpak vraagt een lange adem van tien jaar.", drafted.GetProperty("text").Str("body"));
        var history = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{lesson.Id()}/history"); s.As(eva); })).ReadAsJson<JsonElement>();
        Assert.Equal(sent.Id().ToString(), history.GetProperty("revisions")[0].Str("proposalId"));
        Assert.Equal("mooie aanvulling", history.GetProperty("revisions")[0].Str("reason"));

        var mine = await MineAsync(carla, sent.Id());
        var outcome = mine.GetProperty("outcome");
        Assert.Equal(JsonValueKind.Object, outcome.ValueKind);
        Assert.Equal("geaccepteerd", mine.Str("status"));
        Assert.Equal(3, outcome.GetProperty("revision").GetInt32());
        Assert.False(outcome.GetProperty("published").GetBoolean());

        // The editors review (four-eyes: the acceptor wrote the intake revision) and publish, then an edition lists it.
        var toReview = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{lesson.Id()}"); s.As(eva); })).ReadAsJson<JsonElement>();
        toReview = await Host.StepAsync(eva, toReview, "submit");
        toReview = await Host.StepAsync(ruud, toReview, "approve");
        await Host.StepAsync(ruud, toReview, "publish");
        var publishedOutcome = (await MineAsync(carla, sent.Id())).GetProperty("outcome");
        Assert.True(publishedOutcome.GetProperty("published").GetBoolean());
        Assert.Equal(JsonValueKind.Null, publishedOutcome.GetProperty("edition").ValueKind);
        Assert.Equal($"/lessen/{lesson.Str("slug")}", publishedOutcome.Str("url"));
        Assert.Contains("Met bijdragen van", (await Host.Scenario(s => s.Get.Url($"/lessen/{lesson.Str("slug")}"))).ReadAsText());
        _ = carlaId;

        // An update lists the lesson: the proposal reads "opgenomen in update N", never "verouderd" (the guide moved on with it).
        var edition = (await Host.Scenario(s =>
        {
            s.Post.Json(new { title = "Update met een voorstel", notes = new[] { new { itemId = lesson.Str("id"), change = "minor", note = "Aangevuld." } } })
                .ToUrl("/api/content/editions");
            s.As(eva);
        })).ReadAsJson<JsonElement>();
        var number = edition.GetProperty("number").GetInt32();
        await Host.TrackedAsync(_ => Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = edition.Version(), reason = "update" }).ToUrl($"/api/content/editions/{number}/publish");
            s.As(eva);
        }));
        // "Tell me what happened to my input": the proposer hears that the update took it up, once.
        var told = (await Host.MailsToAsync("contributor@wijkengids.test"))
            .Where(m => m.Subject == $"Uw voorstel bij de Wijkengids: opgenomen in update {number}").ToList();
        Assert.Contains("Lange adem", Assert.Single(told).Text);
        var included = await MineAsync(carla, sent.Id());
        Assert.Equal($"opgenomen in update {number}", included.Str("statusText"));
        Assert.False(included.GetProperty("outdated").GetBoolean());
        Assert.False((await EditorViewAsync(eva, sent.Id())).GetProperty("outdated").GetBoolean());
        var myPage = (await Host.Scenario(s => { s.Get.Url("/mijn-bijdragen"); s.As(carla); })).ReadAsText();
        Assert.Contains($"opgenomen in update {number}", myPage);
        Assert.DoesNotContain("verouderd", myPage);
        var editorPage = (await Host.Scenario(s => { s.Get.Url($"/redactie/bijdragen/voorstellen/{sent.Id()}"); s.As(eva); })).ReadAsText();
        Assert.DoesNotContain("Verouderd", editorPage);
    }

    [Fact]
    public async Task Accepting_a_proposal_and_the_draft_it_becomes_are_one_action_on_the_audit_timeline()
    {
        var (lesson, eva, _) = await PublishedLessonAsync("Samen beslissen", "Bewoners beslissen mee.");
        var sent = await SubmitAsync(await ContributorAsync(), Change(lesson.Str("slug"), "Samen beslissen", "Bewoners beslissen mee over hun wijk.", baseRevision: 1));
        var correlation = Guid.NewGuid().ToString("N");
        await Host.TrackedAsync(_ => Host.Scenario(s =>
        {
            s.Post.Json(new { reason = "goede aanvulling" }).ToUrl($"/api/contributions/moderation/proposals/{sent.Id()}/accept"); s.As(eva);
            s.WithRequestHeader("X-Correlation-Id", correlation);
        }));

        // Contributions' acceptance and Content's draft revision (through Wolverine and the outbox) carry one correlation id.
        var auditor = await Host.LoginAsRoleAsync("auditor");
        await Host.ProjectionsCaughtUpAsync();
        var entries = (await Host.Scenario(s => { s.Get.Url($"/api/audit/timeline?correlationId={correlation}&order=oldest"); s.As(auditor); }))
            .TimelineEntries();
        Assert.Equal("contributions", entries[0].Str("module"));
        Assert.Contains(entries, e => e.Str("module") == "content" && e.Str("streamId") == lesson.Id().ToString());
        Assert.All(entries.Where(e => e.Str("module") is "contributions" or "content"), e => Assert.Equal("goede aanvulling", e.Str("reason")));
    }

    [Fact]
    public async Task A_new_lesson_and_a_new_source_become_drafts_in_Content()
    {
        var (lesson, eva, _) = await PublishedLessonAsync("Meten is weten", "Monitor de wijk.");
        var carla = await ContributorAsync();
        var newLesson = await SubmitAsync(carla, new
        {
            kind = "nieuwe-les", section = "1.4", themes = new[] { "wonen" }, title = "Jongeren in de wijk " + Guid.NewGuid().ToString("N")[..6],
            statement = "Jongeren weten wat er speelt.", body = "Betrek jongeren vroeg.", motivation = "Ontbreekt nog.",
        });
        var source = await SubmitAsync(carla, new
        {
            kind = "nieuwe-bron", lesson = lesson.Str("slug"), motivation = "Onderbouwing.",
            source = new { title = "Wijkmonitor 2011", author = "Platform31", year = 2011, link = "https://example.org/monitor", kind = "research" },
        });
        await ModerateAsync(eva, newLesson.Id(), "accept", new { });
        await ModerateAsync(eva, source.Id(), "accept", new { });

        var lessonOutcome = (await MineAsync(carla, newLesson.Id())).GetProperty("outcome");
        Assert.Equal(JsonValueKind.Object, lessonOutcome.ValueKind);
        var newItem = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{lessonOutcome.Str("lessonId")}"); s.As(eva); }))
            .ReadAsJson<JsonElement>();
        Assert.Equal(["1.4"], newItem.GetProperty("text").GetProperty("sections").EnumerateArray().Select(x => x.GetString()!).ToArray());
        Assert.Equal(["wonen"], newItem.GetProperty("text").GetProperty("themes").EnumerateArray().Select(x => x.GetString()!).ToArray());

        var sourced = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{lesson.Id()}"); s.As(eva); })).ReadAsJson<JsonElement>();
        Assert.Equal(2, sourced.GetProperty("revision").GetInt32());
        var text = sourced.GetProperty("text");
        Assert.Equal("Monitor de wijk.", text.Str("body"));
        Assert.Equal("Wijkmonitor 2011", Assert.Single(text.GetProperty("sources").EnumerateArray()).Str("title"));
    }

    [Fact]
    public async Task Lesson_and_section_pages_link_to_the_proposal_form_which_is_for_contributors()
    {
        var (lesson, _, _) = await PublishedLessonAsync("Formulier", "Tekst van het formulier.");
        Assert.Contains($"href=\"/voorstel-doen?les={lesson.Str("slug")}\"", (await Host.Scenario(s => s.Get.Url($"/lessen/{lesson.Str("slug")}"))).ReadAsText());
        Assert.Contains("href=\"/voorstel-doen?soort=nieuwe-les&amp;sectie=1.4\"", (await Host.Scenario(s => s.Get.Url("/gids/1.4"))).ReadAsText());

        var anonymous = await Host.Scenario(s => { s.Get.Url("/voorstel-doen"); s.IgnoreStatusCode(); });
        Assert.Equal(302, anonymous.Context.Response.StatusCode);
        var carla = await ContributorAsync();
        var options = (await Host.Scenario(s => { s.Get.Url("/api/contributions/proposals/options"); s.As(carla); })).ReadAsJson<JsonElement>();
        var listed = options.GetProperty("lessons").EnumerateArray().Single(l => l.Str("slug") == lesson.Str("slug"));
        Assert.Equal(1, listed.GetProperty("revision").GetInt32());
        Assert.Contains(options.GetProperty("sections").EnumerateArray(), x => x.Str("number") == "1.4");
        Assert.Contains(options.GetProperty("themes").EnumerateArray(), x => x.Str("slug") == "participatie");
        var form = (await Host.Scenario(s => { s.Get.Url($"/voorstel-doen?les={lesson.Str("slug")}"); s.As(carla); })).ReadAsText();
        Assert.Contains("Tekst van het formulier.</textarea>", form);
        Assert.Contains("name=\"BaseRevision\" value=\"1\"", form);
    }

    [Fact]
    public async Task A_published_reaction_appears_under_its_section_for_anonymous_readers_and_disappears_when_hidden()
    {
        var message = "Noem ook de buurtsportcoach. " + Guid.NewGuid();
        var before = (await Host.Scenario(s => s.Get.Url("/gids/1.4"))).ReadAsText(); // fills the output cache
        Assert.DoesNotContain(message, before);
        var sent = (await Host.Scenario(s =>
        {
            s.Post.Json(new { about = "sectie:1.4", name = "Bea <b>Buur</b>", email = "bea@example.nl", message, consent = true, showName = true })
                .ToUrl("/api/contributions/reactions");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        var eva = await Host.LoginAsRoleAsync("editor");
        // Publishing tells the guide (a message) that what readers see changed; tracked until it is handled.
        await Host.TrackedAsync(_ => Host.Scenario(s => { s.Post.Json(new { }).ToUrl($"/api/contributions/moderation/reactions/{sent.Id()}/publish"); s.As(eva); }));

        var shown = (await Host.Scenario(s => s.Get.Url("/gids/1.4"))).ReadAsText();
        Assert.Contains(message, shown);
        Assert.Contains("Bea &lt;b&gt;Buur&lt;/b&gt;", shown);

        await Host.TrackedAsync(_ =>
            Host.Scenario(s => { s.Post.Json(new { reason = "toch reclame" }).ToUrl($"/api/contributions/moderation/reactions/{sent.Id()}/spam"); s.As(eva); }));
        Assert.DoesNotContain(message, (await Host.Scenario(s => s.Get.Url("/gids/1.4"))).ReadAsText());
    }

    [Fact]
    public async Task The_AVG_export_includes_proposals_and_erasure_masks_the_name_and_motivation()
    {
        var (lesson, eva, _) = await PublishedLessonAsync("Privacy", "Ook voorstellen zijn persoonsgegevens.");
        var (wim, _) = await NewContributorWithEmailAsync("Wim Wisser");
        var motivation = "Wims eigen toelichting " + Guid.NewGuid();
        var sent = await SubmitAsync(wim, Change(lesson.Str("slug"), "Privacy", "Ook voorstellen en reacties zijn persoonsgegevens.", motivation));
        var export = (await Host.Scenario(s => { s.Get.Url("/api/community/me/personal-data"); s.As(wim); })).ReadAsText();
        Assert.Contains(motivation, export);

        // Erasing waits until every module has heard of it (ErasureRequested, through the outbox).
        await Host.TrackedAsync(_ =>
            Host.Scenario(s => { s.Post.Json(new { password = "een-lang-wachtwoord" }).ToUrl("/api/community/me/erase"); s.As(wim); s.StatusCodeShouldBe(200); }));
        var view = await EditorViewAsync(eva, sent.Id());
        Assert.Equal("[gewist]", view.Str("motivation"));
        Assert.Equal("[gewist]", view.Str("proposerName"));
    }

    [Fact]
    public async Task A_proposed_source_is_sealed_while_it_is_the_proposers_and_gone_from_the_audit_export_after_erasure()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var (lesson, eva, _) = await PublishedLessonAsync("Verzegelde bron " + marker[..4], "Een bron is ook iets wat iemand schreef.");
        var (sanne, _) = await NewContributorWithEmailAsync("Sanne Bron");
        var sent = await SubmitAsync(sanne, new
        {
            kind = "nieuwe-bron", lesson = lesson.Str("slug"), motivation = "Mijn eigen onderzoek.",
            source = new { title = $"Eigen onderzoek {marker}", author = $"Sanne {marker}", year = 2020, link = $"https://example.org/{marker}", kind = "research" },
        });

        // The editors read it; the history holds it sealed with the proposer's key.
        Assert.Equal($"Sanne {marker}", (await EditorViewAsync(eva, sent.Id())).GetProperty("source").Str("author"));
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var raw = await session.QueryAsync<string>("select data::text from events.mt_events where stream_id = ?", sent.Id());
            Assert.NotEmpty(raw);
            Assert.All(raw, data => Assert.DoesNotContain(marker, data));
        }

        await Host.TrackedAsync(_ => Host.Scenario(s =>
        {
            s.Post.Json(new { password = "een-lang-wachtwoord" }).ToUrl("/api/community/me/erase"); s.As(sanne);
            s.StatusCodeShouldBe(200);
        }));
        Assert.DoesNotContain(marker, (await EditorViewAsync(eva, sent.Id())).ToString());
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var export = (await Host.Scenario(s => { s.Get.Url("/api/audit/export?format=jsonl"); s.As(auditor); })).ReadAsText();
        Assert.Contains(sent.Id().ToString(), export);
        Assert.DoesNotContain(marker, export);
    }

    private async Task<string> NewContributorAsync() => (await NewContributorWithEmailAsync("Bert Bijdrager")).Cookie;

    private async Task<(string Cookie, string Email)> NewContributorWithEmailAsync(string name)
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var email = $"bijdrager-{Guid.NewGuid():N}@example.nl";
        await Host.Scenario(s =>
        {
            s.Post.Json(new { email, displayName = name, password = "een-lang-wachtwoord", roles = new[] { "contributor" } })
                .ToUrl("/api/community/accounts"); s.As(admin);
            s.StatusCodeShouldBe(201);
        });
        return (await Host.LoginAsync(email, "een-lang-wachtwoord"), email);
    }
}
