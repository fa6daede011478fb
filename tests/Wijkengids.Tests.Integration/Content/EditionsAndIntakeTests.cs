using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Content.Contracts;
using Wijkengids.Contributions.Contracts;
using Wijkengids.Tests.Integration.Infrastructure;
using Wolverine;
using Wolverine.Tracking;

namespace Wijkengids.Tests.Integration.Content;

/// <summary>Editions with change notes and their contract message; LessonPublished; the co-creation intake of accepted proposals.</summary>
[Collection(SharedHosts.Content)]
public sealed class EditionsAndIntakeTests(ContentHost fixture)
{
    private IAlbaHost Host => fixture.Host;
    private static readonly SemaphoreSlim EditionGate = new(1, 1);

    private async Task<(string Eva, string Ruud)> EditorsAsync()
    {
        var eva = await Host.LoginAsRoleAsync("editor");
        var ruud = await Host.NewEditorAsync($"ruud-{Guid.NewGuid():N}@example.nl", "Ruud Revisor");
        return (eva, ruud);
    }

    /// <summary>Sends a contract message as another module would (through Wolverine) and waits until it is handled.</summary>
    private Task PublishAsync(object message) => Host.PublishAndWaitAsync(message);

    private async Task<JsonElement[]> CandidatesAsync(string cookie) =>
        (await Host.Scenario(s => { s.Get.Url("/api/content/editions/candidates"); s.As(cookie); })).ReadAsJson<JsonElement[]>();

    /// <summary>Composes and publishes an edition listing every candidate; returns its number.</summary>
    private async Task<int> PublishEditionAsync(string cookie, string title, Func<JsonElement, (string Change, string Note)> note)
    {
        var candidates = await CandidatesAsync(cookie);
        var edition = (await Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                title,
                notes = candidates.Select(c => { var (change, text) = note(c); return new { itemId = c.Str("itemId"), change, note = text }; }).ToArray(),
            }).ToUrl("/api/content/editions");
            s.As(cookie);
        })).ReadAsJson<JsonElement>();
        var number = edition.GetProperty("number").GetInt32();
        await Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = edition.Version(), reason = "maandelijkse update" }).ToUrl($"/api/content/editions/{number}/publish");
            s.As(cookie);
        });
        return number;
    }

    [Fact]
    public async Task An_edition_lists_what_was_published_since_the_previous_one_with_notes_diffs_and_the_EditionPublished_message()
    {
        await EditionGate.WaitAsync();
        try
        {
            var (eva, ruud) = await EditorsAsync();
            var lesson = await Host.PublishAsync(eva, ruud, "lesson", ContentApi.Lesson("Lokaal eigenaarschap", "Bewoners beslissen mee."));
            Assert.Contains(await CandidatesAsync(eva), c => c.Str("itemId") == lesson.Id().ToString());

            var first = await PublishEditionAsync(eva, "Eerste update", c => ("major", $"Nieuw: {c.Str("title")}"));
            Assert.Empty(await CandidatesAsync(eva));
            var lessonPage = (await Host.Scenario(s => s.Get.Url($"/lessen/{lesson.Str("slug")}"))).ReadAsText();
            Assert.Contains($"in update {first}", lessonPage);

            // A new revision of the lesson is published: it is a candidate again, with the diff from the previous edition.
            var item = await Host.SaveDraftAsync(eva, lesson, ContentApi.Lesson("Lokaal eigenaarschap", "Bewoners beslissen echt mee.", sections: ["1.4"],
                sources: [new { title = "Wijken in beeld", author = "Platform31", year = 2012, link = "https://example.nl/wijken", kind = "research" }]));
            item = await Host.StepAsync(eva, item, "submit");
            item = await Host.StepAsync(ruud, item, "approve");
            await Host.StepAsync(ruud, item, "publish");
            var candidate = Assert.Single(await CandidatesAsync(eva));
            Assert.Equal(1, candidate.GetProperty("fromRevision").GetInt32());
            Assert.Equal(2, candidate.GetProperty("toRevision").GetInt32());

            // A note must be one line, and only candidates can be listed.
            (await Host.Scenario(s =>
            {
                s.Post.Json(new { title = "Fout", notes = new[] { new { itemId = lesson.Str("id"), change = "enorm", note = "" } } }).ToUrl("/api/content/editions");
                s.As(eva);
                s.StatusCodeShouldBe(400);
            })).ShouldBeProblem(400);
            (await Host.Scenario(s =>
            {
                s.Post.Json(new { title = "Fout", notes = new[] { new { itemId = Guid.NewGuid(), change = "minor", note = "x" } } }).ToUrl("/api/content/editions");
                s.As(eva);
                s.StatusCodeShouldBe(422);
            })).ShouldBeProblem(422);

            var tracked = await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).DoNotAssertOnExceptionsDetected()
                .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => PublishEditionAsync(eva, "Tweede update", _ => ("minor", "Stelling aangescherpt."))));
            var message = tracked.AllRecordsInOrder().Select(r => r.Envelope?.Message).OfType<EditionPublished>().First();
            Assert.Equal(first + 1, message.Number);
            Assert.Equal("Tweede update", message.Title);
            var listed = Assert.Single(message.Items);
            Assert.Equal(lesson.Id(), listed.ItemId);
            Assert.Equal("minor", listed.Change);
            Assert.Equal("Stelling aangescherpt.", listed.Note);
            Assert.Equal($"/lessen/{lesson.Str("slug")}", listed.Url);
            // The chapters of its sections, for subscribers of a chapter (docs/adr/0098).
            Assert.Equal(["1"], listed.Chapters!);

            var page = (await Host.Scenario(s => s.Get.Url($"/updates/{first + 1}"))).ReadAsText();
            Assert.Contains("Stelling aangescherpt.", page);
            Assert.Contains("<ins>echt </ins>", page);
            // Sources read as on the lesson page, not as an internal record.
            var pageText = WebUtility.HtmlDecode(Regex.Replace(page, "<[^>]+>", ""));
            Assert.Contains("Wijken in beeld – Platform31 (2012) · onderzoek · https://example.nl/wijken", pageText);
            Assert.DoesNotContain("| research", pageText);
            var since = (await Host.Scenario(s => s.Get.Url($"/api/content/editions/changes?since={first - 1}"))).ReadAsJson<JsonElement>();
            var change = since.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("entry").Str("itemId") == lesson.Id().ToString());
            Assert.True(change.GetProperty("isNew").GetBoolean()); // new since that edition: it appeared in the first one after it
            var sinceFirst = (await Host.Scenario(s => s.Get.Url($"/updates?sinds={first}"))).ReadAsText();
            Assert.Contains("Sinds update", sinceFirst);
            Assert.Contains("Stelling aangescherpt.", sinceFirst);
            Assert.Contains($"href=\"/updates/{first + 1}\"", (await Host.Scenario(s => s.Get.Url("/updates"))).ReadAsText());
            await Host.Scenario(s => { s.Get.Url("/updates/999"); s.StatusCodeShouldBe(404); });

            // Events carry actor and reason.
            await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var released = await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "edition_released").ToListAsync();
            Assert.All(released, e => Assert.Equal("maandelijkse update", e.Headers!["reason"]?.ToString()));
        }
        finally
        {
            EditionGate.Release();
        }
    }

    [Fact]
    public async Task Publishing_a_lesson_announces_LessonPublished_with_the_edition_it_will_appear_in()
    {
        var (eva, ruud) = await EditorsAsync();
        var item = await Host.CreateAsync(eva, "lesson", ContentApi.Lesson("Aangekondigd", sections: ["1.4"]));
        item = await Host.StepAsync(eva, item, "submit");
        item = await Host.StepAsync(ruud, item, "approve");
        var approved = item;
        var tracked = await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).DoNotAssertOnExceptionsDetected()
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => Host.StepAsync(ruud, approved, "publish")));
        var message = tracked.AllRecordsInOrder().Select(r => r.Envelope?.Message).OfType<LessonPublished>().Single();
        Assert.Equal(item.Id(), message.LessonId);
        Assert.Equal("Aangekondigd", message.Title);
        Assert.Equal(["1.4"], message.SectionNumbers);
        Assert.True(message.NextEdition >= 1);
    }

    [Fact]
    public async Task An_accepted_proposal_becomes_a_draft_revision_with_attribution_and_the_published_lesson_credits_the_contributor()
    {
        var (eva, ruud) = await EditorsAsync();
        var lesson = await Host.PublishAsync(eva, ruud, "lesson", ContentApi.Lesson("Wijkbudget", "Geef bewoners een eigen budget."));
        var evaId = Guid.Parse(await Host.MeAsync(eva));
        var proposer = Guid.NewGuid();
        var proposal = new ProposalAccepted(Guid.NewGuid(), lesson.Id(), null, ["participatie"], "Wijkbudget", "Een eigen budget werkt.",
            "Geef bewoners een eigen budget, en laat ze zelf kiezen.", [new ProposedSource("Buurtbudgetten", "Gemeente X", 2010, null, "practice")],
            1, proposer, "Carla Contribuant", evaId, "goede aanvulling", DateTimeOffset.UtcNow);

        await PublishAsync(proposal);
        await PublishAsync(proposal); // redelivered: no second revision, and both were handled when this returns
        var item = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{lesson.Id()}"); s.As(eva); })).ReadAsJson<JsonElement>();
        Assert.Equal(2, item.GetProperty("revision").GetInt32());
        Assert.Equal("draft", item.Str("status"));
        Assert.Equal("Geef bewoners een eigen budget, en laat ze zelf kiezen.", item.GetProperty("text").Str("body"));
        Assert.Equal(evaId.ToString(), item.Str("lastAuthor"));

        // Attribution is data on the event; the proposer's name is sealed, not clear text.
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(lesson.Id());
        var saved = events.Last();
        Assert.Equal("goede aanvulling", saved.Headers!["reason"]?.ToString());
        Assert.Equal(evaId.ToString(), saved.UserName);
        var raw = await session.QueryAsync<string>("select data::text from events.mt_events where id = ?", saved.Id);
        Assert.Contains(proposal.ProposalId.ToString(), raw.Single());
        Assert.DoesNotContain("Carla Contribuant", raw.Single());

        // The editors' history names the contributor the revision came from.
        var history = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{lesson.Id()}/history"); s.As(eva); })).ReadAsJson<JsonElement>();
        Assert.Equal("Carla Contribuant", history.GetProperty("revisions")[0].Str("contributorName"));
        Assert.Contains("uit het voorstel van Carla Contribuant",
            (await Host.Scenario(s => { s.Get.Url($"/redactie/items/{lesson.Id()}/geschiedenis"); s.As(eva); })).ReadAsText());

        // Review (the acceptor saved it, so the other editor reviews) and publish: readers see the credit.
        var published = await Host.StepAsync(eva, item, "submit");
        published = await Host.StepAsync(ruud, published, "approve");
        await Host.StepAsync(ruud, published, "publish");
        var page = (await Host.Scenario(s => s.Get.Url($"/lessen/{lesson.Str("slug")}"))).ReadAsText();
        Assert.Contains("Met bijdragen van Carla Contribuant.", page);
        Assert.Contains("een voorstel van lezers", page);
        var api = (await Host.Scenario(s => s.Get.Url($"/api/content/lessons/{lesson.Str("slug")}"))).ReadAsJson<JsonElement>();
        var provenance = api.GetProperty("lesson").GetProperty("contributions")[0];
        Assert.Equal(proposal.ProposalId.ToString(), provenance.Str("proposalId"));
        Assert.Equal(evaId.ToString(), provenance.Str("acceptedBy"));
        Assert.Equal(["Carla Contribuant"], api.GetProperty("contributors").EnumerateArray().Select(c => c.GetString()!).ToArray());

        // Erasure (AVG): the name disappears from the page; the provenance (ids) stays.
        await PublishAsync(new Wijkengids.Community.Contracts.ErasureRequested(proposer, "admin", "verzoek van betrokkene", DateTimeOffset.UtcNow));
        var erased = (await Host.Scenario(s => s.Get.Url($"/lessen/{lesson.Str("slug")}"))).ReadAsText();
        Assert.DoesNotContain("Carla Contribuant", erased);
        Assert.DoesNotContain("Met bijdragen van", erased);
        var historyAfter = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{lesson.Id()}/history"); s.As(eva); })).ReadAsJson<JsonElement>();
        Assert.Equal("(naam gewist)", historyAfter.GetProperty("revisions").EnumerateArray().Single(r => r.GetProperty("revision").GetInt32() == 2).Str("contributorName"));
    }

    [Fact]
    public async Task A_proposal_for_a_new_lesson_creates_a_draft_lesson_in_the_section()
    {
        var eva = await Host.LoginAsRoleAsync("editor");
        var evaId = Guid.Parse(await Host.MeAsync(eva));
        var proposal = new ProposalAccepted(Guid.NewGuid(), null, "1.4", ["wonen", "bestaat-niet"], "Ouderen in de wijk", "Ouderen weten veel.",
            "Betrek ouderen bij plannen.", [], 0, Guid.NewGuid(), "Otto Oudere", evaId, null, DateTimeOffset.UtcNow);
        await PublishAsync(proposal);
        var list = (await Host.Scenario(s => { s.Get.Url("/api/content/items?kind=lesson&status=draft"); s.As(eva); })).ReadAsJson<JsonElement[]>();
        var draftId = Assert.Single(list, i => i.Str("title") == "Ouderen in de wijk").Str("id");
        var item = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{draftId}"); s.As(eva); })).ReadAsJson<JsonElement>();
        Assert.Equal(["1.4"], item.GetProperty("text").GetProperty("sections").EnumerateArray().Select(x => x.GetString()!).ToArray());
        Assert.Equal(["wonen"], item.GetProperty("text").GetProperty("themes").EnumerateArray().Select(x => x.GetString()!).ToArray());
        var history = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{item.Id()}/history"); s.As(eva); })).ReadAsJson<JsonElement>();
        Assert.Equal(proposal.ProposalId.ToString(), history.GetProperty("revisions")[0].Str("proposalId"));
        Assert.Equal("voorstel overgenomen", history.GetProperty("revisions")[0].Str("reason"));
    }
}
