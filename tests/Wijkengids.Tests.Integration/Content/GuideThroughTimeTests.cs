using System.Globalization;
using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Content.Items;
using Wijkengids.Contributions.Contracts;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Content;

/// <summary>
/// The guide through time (docs/adr/0107): sections keep their identity when renumbered, every section and lesson can be
/// cited and read as published in an update, the guide as on a date, and Memento (RFC 7089) negotiation.
/// </summary>
[Collection(SharedHosts.Content)]
public sealed class GuideThroughTimeTests(ContentHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    /// <summary>A chapter number no other test uses, so section numbers are free.</summary>
    private static string FreeChapter() => Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);

    private async Task<(string Eva, string Ruud)> EditorsAsync()
    {
        var eva = await Host.LoginAsRoleAsync("editor");
        var ruud = await Host.NewEditorAsync(Unique.Email("ruud"), "Ruud Revisor");
        return (eva, ruud);
    }

    private static object Section(string number, string title, string body) => new { number, title, body };

    /// <summary>A new revision of a published item, reviewed by the other editor and published.</summary>
    private async Task<JsonElement> RepublishAsync(string author, string reviewer, JsonElement item, object text)
    {
        var current = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{item.Id()}"); s.As(author); })).ReadAsJson<JsonElement>();
        current = await Host.SaveDraftAsync(author, current, text);
        current = await Host.StepAsync(author, current, "submit");
        current = await Host.StepAsync(reviewer, current, "approve");
        return await Host.StepAsync(reviewer, current, "publish");
    }

    /// <summary>Composes and publishes an update listing every candidate; answers its number.</summary>
    private async Task<int> PublishUpdateAsync(string cookie, string title)
    {
        var candidates = (await Host.Scenario(s => { s.Get.Url("/api/content/editions/candidates"); s.As(cookie); })).ReadAsJson<JsonElement[]>();
        var edition = (await Host.Scenario(s =>
        {
            s.Post.Json(new { title, notes = candidates.Select(c => new { itemId = c.Str("itemId"), change = "minor", note = "bijgewerkt" }).ToArray() })
                .ToUrl("/api/content/editions");
            s.As(cookie);
        })).ReadAsJson<JsonElement>();
        var number = edition.GetProperty("number").GetInt32();
        await Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = edition.Version(), reason = "update" }).ToUrl($"/api/content/editions/{number}/publish");
            s.As(cookie);
        });
        return number;
    }

    private async Task<IScenarioResult> GetAsync(string url, int status = 200, Action<Scenario>? configure = null) =>
        await Host.Scenario(s =>
        {
            s.Get.Url(url);
            configure?.Invoke(s);
            s.StatusCodeShouldBe(status);
        });

    [Fact]
    public async Task A_cited_update_link_keeps_showing_the_cited_words_after_the_text_changed()
    {
        var (eva, ruud) = await EditorsAsync();
        var c = FreeChapter();
        var number = $"{c}.4";
        var section = await Host.PublishAsync(eva, ruud, "section", Section(number, "Doel en samenstelling", "De oude woorden van de paragraaf."));
        var lesson = await Host.PublishAsync(eva, ruud, "lesson",
            ContentApi.Lesson("Samen optrekken", "De oude les.", sections: [number]));
        var before = await PublishUpdateAsync(eva, "Update met de paragraaf");

        // The citation box points at the text as published in the current update.
        var page = (await GetAsync($"/gids/{number}")).ReadAsText();
        Assert.Contains("Citeer deze tekst", page);
        Assert.Contains($"href=\"/gids/{number}/update/{before}\"", page);
        Assert.Contains($"<i>Wijkengids</i>, update {before},", page);

        // The text changes: the page says it appears in the next update; the permanent link still shows the old words.
        await RepublishAsync(eva, ruud, section, Section(number, "Doel en samenstelling", "De nieuwe woorden van de paragraaf."));
        page = (await GetAsync($"/gids/{number}")).ReadAsText();
        Assert.Contains($"verschijnt in update {before + 1}", page);
        Assert.Contains($"href=\"/gids/{number}/update/{before}\"", page);
        var after = await PublishUpdateAsync(eva, "Update met de nieuwe woorden");

        var cited = await GetAsync($"/gids/{number}/update/{before}");
        var citedText = cited.ReadAsText();
        Assert.Contains("De oude woorden van de paragraaf.", citedText);
        Assert.DoesNotContain("De nieuwe woorden", citedText);
        Assert.Contains($"U leest de tekst zoals gepubliceerd in update {before} van", citedText);
        Assert.Contains($"href=\"/gids/{number}\"", citedText); // the current text
        Assert.Contains($"href=\"/updates?sinds={before}\"", citedText); // what changed since
        Assert.Contains($"href=\"/lessen/{lesson.Str("slug")}/update/{before}\"", citedText); // its lessons as of then
        var headers = cited.Context.Response.Headers;
        Assert.Equal("public, max-age=31536000, immutable", headers.CacheControl.ToString());
        var etag = headers.ETag.ToString();
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.False(string.IsNullOrEmpty(headers["Memento-Datetime"].ToString()));
        Assert.Contains("rel=\"original\"", headers.Link.ToString());
        Assert.Contains("rel=\"timemap\"", headers.Link.ToString());

        // Asked again, the same page with the same ETag; a browser that has it gets 304.
        Assert.Equal(etag, (await GetAsync($"/gids/{number}/update/{before}")).Context.Response.Headers.ETag.ToString());
        await GetAsync($"/gids/{number}/update/{before}", 304, s => s.WithRequestHeader("If-None-Match", etag));

        Assert.Contains("De nieuwe woorden van de paragraaf.", (await GetAsync($"/gids/{number}/update/{after}")).ReadAsText());
        var lessonThen = (await GetAsync($"/lessen/{lesson.Str("slug")}/update/{before}")).ReadAsText();
        Assert.Contains("De oude les.", lessonThen);
        Assert.Contains($"href=\"/gids/{number}/update/{before}\"", lessonThen);
        var contents = (await GetAsync($"/gids/update/{before}")).ReadAsText();
        Assert.Contains($"href=\"/gids/{number}/update/{before}\"", contents);

        // The API has the same, with problem details in Dutch for what did not exist.
        var api = (await GetAsync($"/api/content/editions/{before}/sections/{number}")).ReadAsJson<JsonElement>();
        Assert.Contains("De oude woorden", api.GetProperty("page").GetProperty("section").Str("bodyHtml"));
        Assert.Equal(before, api.GetProperty("update").GetProperty("number").GetInt32());
        var missing = (await GetAsync($"/api/content/editions/{after + 100}/sections/{number}", 404)).ShouldBeProblem(404);
        Assert.Contains($"Update {after + 100} bestaat niet", missing.Str("detail"));
        (await GetAsync($"/api/content/editions/{before}/sections/{c}.99", 404)).ShouldBeProblem(404);
        await GetAsync($"/gids/{number}/update/{after + 100}", 404);
        await GetAsync($"/lessen/bestaat-niet/update/{before}", 404);
    }

    [Fact]
    public async Task A_renumbered_section_keeps_its_lessons_and_its_old_number_leads_to_it()
    {
        var (eva, ruud) = await EditorsAsync();
        var c = FreeChapter();
        var section = await Host.PublishAsync(eva, ruud, "section", Section($"{c}.7", "Wijkteams", "Over wijkteams."));
        var lesson = await Host.PublishAsync(eva, ruud, "lesson", ContentApi.Lesson("Een vast gezicht in de wijk", sections: [$"{c}.7"]));

        await RepublishAsync(eva, ruud, section, Section($"{c}.8", "Wijkteams", "Over wijkteams."));

        var moved = (await GetAsync($"/gids/{c}.8")).ReadAsText();
        Assert.Contains("Een vast gezicht in de wijk", moved);
        var old = await GetAsync($"/gids/{c}.7", 301);
        Assert.Equal($"/gids/{c}.8", old.Context.Response.Headers.Location.ToString());
        var oldApi = await GetAsync($"/api/content/sections/{c}.7", 301);
        Assert.Equal($"/api/content/sections/{c}.8", oldApi.Context.Response.Headers.Location.ToString());
        var lessonPage = (await GetAsync($"/lessen/{lesson.Str("slug")}")).ReadAsText();
        Assert.Contains($"href=\"/gids/{c}.8\"", lessonPage);
        var contents = (await GetAsync("/api/content/guide")).ReadAsJson<JsonElement>();
        var entry = contents.GetProperty("chapters").EnumerateArray().Single(ch => ch.Str("number") == c)
            .GetProperty("sections").EnumerateArray().Single();
        Assert.Equal($"{c}.8", entry.Str("number"));
        Assert.Equal(1, entry.GetProperty("lessons").GetInt32());

        // The editor's form shows the number the section has now; saving keeps the lesson attached by id.
        var editing = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{lesson.Id()}"); s.As(eva); })).ReadAsJson<JsonElement>();
        Assert.Equal([$"{c}.8"], editing.GetProperty("text").GetProperty("sections").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal([section.Id().ToString()], editing.GetProperty("text").GetProperty("sectionIds").EnumerateArray().Select(x => x.GetString()));

        // Another section takes the old number: it answers there, and says which section held the number before.
        await Host.PublishAsync(eva, ruud, "section", Section($"{c}.7", "Buurtbudgetten", "Over buurtbudgetten."));
        var reused = (await GetAsync($"/gids/{c}.7")).ReadAsText();
        Assert.Contains("Buurtbudgetten", reused);
        Assert.Contains("had paragraaf " + c + ".7 een andere inhoud", reused);
        Assert.Contains($"href=\"/gids/{c}.8\"", reused);
        Assert.DoesNotContain("Een vast gezicht in de wijk", reused);
    }

    [Fact]
    public async Task A_lesson_stored_with_section_numbers_only_is_attached_to_the_section_that_held_the_number()
    {
        var (eva, ruud) = await EditorsAsync();
        var c = FreeChapter();
        await Host.PublishAsync(eva, ruud, "section", Section($"{c}.2", "Oude vorm", "Tekst."));

        // A lesson as revisions were stored before sections had ids (no sectionIds in the events).
        var id = Guid.NewGuid();
        var text = new ItemText { Title = "Les van vroeger", Statement = "Stelling.", Body = "Vroeger.", Sections = [$"{c}.2"] };
        Assert.Null(text.SectionIds);
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream<ItemState>(id, new ItemCreated(id, ItemKinds.Lesson, $"les-van-vroeger-{c}"), new DraftSaved(id, 1, text),
                new ItemPublished(id, ItemKinds.Lesson, $"les-van-vroeger-{c}", 1, text, [], DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }
        Assert.Contains("Les van vroeger", (await GetAsync($"/gids/{c}.2")).ReadAsText());
    }

    [Fact]
    public async Task Pages_negotiate_Accept_Datetime_and_list_their_updates_in_a_TimeMap()
    {
        var (eva, ruud) = await EditorsAsync();
        var c = FreeChapter();
        var number = $"{c}.1";
        var section = await Host.PublishAsync(eva, ruud, "section", Section(number, "Tijdreizen", "Eerste tekst."));
        var first = await PublishUpdateAsync(eva, "Eerste");
        await RepublishAsync(eva, ruud, section, Section(number, "Tijdreizen", "Tweede tekst."));
        var second = await PublishUpdateAsync(eva, "Tweede");

        // Long ago: the first update of the page; far ahead: the last.
        var early = await GetAsync($"/gids/{number}", 302, s => s.WithRequestHeader("Accept-Datetime", "Mon, 01 Jan 1990 00:00:00 GMT"));
        Assert.Equal($"/gids/{number}/update/{first}", early.Context.Response.Headers.Location.ToString());
        Assert.Contains("accept-datetime", early.Context.Response.Headers.Vary.ToString());
        var late = await GetAsync($"/gids/{number}", 302, s => s.WithRequestHeader("Accept-Datetime", "Fri, 01 Jan 2100 00:00:00 GMT"));
        Assert.Equal($"/gids/{number}/update/{second}", late.Context.Response.Headers.Location.ToString());
        await GetAsync($"/gids/{number}", 400, s => s.WithRequestHeader("Accept-Datetime", "gisteren"));

        // Without it, the current page, which says where its TimeGate and TimeMap are.
        var now = await GetAsync($"/gids/{number}");
        Assert.Contains("Tweede tekst.", now.ReadAsText());
        Assert.Contains("rel=\"original timegate\"", now.Context.Response.Headers.Link.ToString());
        Assert.Contains("accept-datetime", now.Context.Response.Headers.Vary.ToString());

        var map = await GetAsync($"/gids/{number}/tijdkaart");
        Assert.StartsWith("application/link-format", map.Context.Response.ContentType);
        var body = map.ReadAsText();
        Assert.Contains($"/gids/{number}/update/{first}>; rel=\"first memento\"; datetime=\"", body);
        Assert.Contains($"/gids/{number}/update/{second}>; rel=\"last memento\"; datetime=\"", body);
        Assert.Contains($"/gids/{number}>; rel=\"original\"", body);
        var updates = (await GetAsync($"/api/content/sections/{number}/updates")).ReadAsJson<JsonElement[]>();
        Assert.Equal([first, second], updates.Select(u => u.GetProperty("update").GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task The_guide_on_a_date_is_the_update_of_that_day_and_bad_dates_get_a_Dutch_answer()
    {
        var (eva, ruud) = await EditorsAsync();
        await Host.PublishAsync(eva, ruud, "section", Section($"{FreeChapter()}.3", "Op datum", "Tekst."));
        var latest = await PublishUpdateAsync(eva, "Update van vandaag");
        var todayDutch = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var onDate = await GetAsync($"/gids?op={todayDutch}", 302);
        Assert.Equal($"/gids/update/{latest}", onDate.Context.Response.Headers.Location.ToString());
        var json = (await GetAsync($"/api/content/guide/as-of?date={todayDutch}")).ReadAsJson<JsonElement>();
        Assert.Equal(latest, json.GetProperty("update").GetProperty("number").GetInt32());

        var tooEarly = (await GetAsync("/gids?op=2000-01-01")).ReadAsText();
        Assert.Contains("Op 1 januari 2000 was er nog geen update van de wijkengids gepubliceerd.", tooEarly);
        (await GetAsync("/api/content/guide/as-of?date=2000-01-01", 404)).ShouldBeProblem(404);

        var future = (await GetAsync("/gids?op=2999-01-01", 400)).ReadAsText();
        Assert.Contains("ligt in de toekomst", future);
        Assert.Contains("aria-invalid=\"true\"", future);
        var futureApi = (await GetAsync("/api/content/guide/as-of?date=2999-01-01", 400)).ShouldBeProblem(400);
        Assert.Contains("ligt in de toekomst", futureApi.GetRawText());
        var malformed = (await GetAsync("/api/content/guide/as-of?date=1-5-2026", 400)).ShouldBeProblem(400);
        Assert.Contains("jjjj-mm-dd", malformed.GetRawText());
        Assert.Contains("jjjj-mm-dd", (await GetAsync("/gids?op=banaan", 400)).ReadAsText());
    }

    [Fact]
    public async Task A_lessons_history_credits_each_paragraph_to_the_update_and_contributor_that_last_changed_it()
    {
        var (eva, ruud) = await EditorsAsync();
        var slugTitle = $"Buurtbudget {FreeChapter()}";
        var lesson = await Host.PublishAsync(eva, ruud, "lesson",
            ContentApi.Lesson(slugTitle, "De eerste alinea blijft.\n\nDe tweede alinea is oud.", "Een stelling."));
        var first = await PublishUpdateAsync(eva, "Met het buurtbudget");

        // A contributor's proposal rewrites the second paragraph; the editors publish it in the next update.
        var evaId = Guid.Parse(await Host.MeAsync(eva));
        await Host.PublishAndWaitAsync(new ProposalAccepted(Guid.NewGuid(), lesson.Id(), null, [], slugTitle, "Een stelling.",
            "De eerste alinea blijft.\n\nDe tweede alinea is vernieuwd door een lezer.", [], 1, Guid.NewGuid(), "Carla Contribuant", evaId,
            "goede aanvulling", DateTimeOffset.UtcNow));
        var item = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{lesson.Id()}"); s.As(eva); })).ReadAsJson<JsonElement>();
        item = await Host.StepAsync(eva, item, "submit");
        item = await Host.StepAsync(ruud, item, "approve");
        await Host.StepAsync(ruud, item, "publish");
        var second = await PublishUpdateAsync(eva, "Met de bijdrage");

        var slug = lesson.Str("slug");
        Assert.Contains($"href=\"/lessen/{slug}/geschiedenis\"", (await GetAsync($"/lessen/{slug}")).ReadAsText());
        var history = (await GetAsync($"/api/content/lessons/{slug}/history?from={first}&to={second}")).ReadAsJson<JsonElement>();
        var paragraphs = history.GetProperty("paragraphs").EnumerateArray().ToList();
        Assert.Equal(3, paragraphs.Count); // the statement and two paragraphs
        var kept = paragraphs.Single(p => p.Str("html").Contains("De eerste alinea blijft."));
        Assert.Equal(first, kept.GetProperty("update").GetProperty("number").GetInt32());
        Assert.Empty(kept.GetProperty("contributors").EnumerateArray());
        var changed = paragraphs.Single(p => p.Str("html").Contains("vernieuwd door een lezer"));
        Assert.Equal(second, changed.GetProperty("update").GetProperty("number").GetInt32());
        Assert.Equal(["Carla Contribuant"], changed.GetProperty("contributors").EnumerateArray().Select(c => c.GetString()));
        var body = history.GetProperty("comparison").GetProperty("fields").EnumerateArray().Single(f => f.Str("field") == "body");
        Assert.Contains("vernieuwd", body.Str("html"));
        Assert.Contains("<del>", body.Str("html"));

        var page = (await GetAsync($"/lessen/{slug}/geschiedenis?van={first}&tot={second}")).ReadAsText();
        Assert.Contains($"Zo sinds <a href=\"/lessen/{slug}/update/{first}\">update {first}</a>", page);
        Assert.Contains("met bijdragen van Carla Contribuant", page);
        Assert.Contains($"Verschillen tussen update {first} en update {second}", page);
        (await GetAsync($"/api/content/lessons/{slug}/history?from=99999&to={second}", 404)).ShouldBeProblem(404);
        await GetAsync("/lessen/bestaat-niet/geschiedenis", 404);
    }

    private static string Word() => "blorf" + new string(Enumerable.Range(0, 6).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());

    [Fact]
    public async Task Search_through_time_says_in_which_updates_a_text_occurred_and_links_the_update_page()
    {
        var (eva, ruud) = await EditorsAsync();
        var word = Word();
        var lesson = await Host.PublishAsync(eva, ruud, "lesson", ContentApi.Lesson($"Les over {word}", $"Hier staat {word} in de tekst."));
        var first = await PublishUpdateAsync(eva, "Met het woord");
        await Host.PublishAsync(eva, ruud, "lesson", ContentApi.Lesson($"Iets anders {Word()}", "Andere tekst."));
        var second = await PublishUpdateAsync(eva, "Nog met het woord");
        await RepublishAsync(eva, ruud, lesson, ContentApi.Lesson("Les zonder het woord", "Het woord is weg."));
        var third = await PublishUpdateAsync(eva, "Zonder het woord");
        var slug = lesson.Str("slug");

        var now = (await GetAsync($"/api/content/search?q={word}")).ReadAsJson<JsonElement>();
        Assert.Equal(0, now.GetProperty("total").GetInt64());

        var all = (await GetAsync($"/api/content/search?q={word}&in=alle")).ReadAsJson<JsonElement>();
        var hit = Assert.Single(all.GetProperty("hits").EnumerateArray());
        Assert.Equal($"in update {first} tot en met {second}; verwijderd in update {third}", hit.Str("occurrence"));
        Assert.Equal($"/lessen/{slug}/update/{second}", hit.Str("url"));
        Assert.Contains("<mark>", hit.Str("snippetHtml"));

        var inFirst = (await GetAsync($"/api/content/search?q={word}&in={first}")).ReadAsJson<JsonElement>();
        Assert.Equal($"/lessen/{slug}/update/{first}", Assert.Single(inFirst.GetProperty("hits").EnumerateArray()).Str("url"));
        var inThird = (await GetAsync($"/api/content/search?q={word}&in={third}")).ReadAsJson<JsonElement>();
        Assert.Equal(0, inThird.GetProperty("total").GetInt64());

        var page = (await GetAsync($"/zoeken?q={word}&in=alle")).ReadAsText();
        Assert.Contains($"Deze tekst stond in update {first} tot en met {second}; verwijderd in update {third}.", page);
        Assert.Contains($"href=\"/lessen/{slug}/update/{second}\"", page);
        (await GetAsync($"/api/content/search?q={word}&in={third + 100}", 404)).ShouldBeProblem(404);
        (await GetAsync($"/api/content/search?q={word}&in=gisteren", 400)).ShouldBeProblem(400);
    }
}
