using System.Text.Json;
using Alba;
using Wijkengids.Contributions.Contracts;
using Wijkengids.Tests.Integration.Content;
using Wijkengids.Tests.Integration.Infrastructure;
using Wolverine;
using Wolverine.Tracking;

namespace Wijkengids.Tests.Integration.Audit;

/// <summary>
/// Provenance of a published lesson across modules, without the audit knowing their event types: who wrote each
/// revision, which proposal and contributor it came from, who reviewed and published it, in which edition it appeared,
/// and which revision introduced a given sentence. Erased contributors show as erased; only auditors and admins read it.
/// </summary>
[Collection(SharedHosts.Audit)]
public sealed class ProvenanceTests(AuditHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task A_published_lesson_traces_back_to_its_contributor_reviewer_and_edition()
    {
        var eva = await Host.LoginAsRoleAsync("editor");
        var ruud = await Host.NewEditorAsync($"ruud-{Guid.NewGuid():N}@example.nl", "Ruud Revisor");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var evaId = Guid.Parse(await Host.MeAsync(eva));
        var bramId = Guid.Parse(await Host.MeAsync(await Host.LoginAsRoleAsync("contributor")));

        var lesson = await Host.PublishAsync(eva, ruud, "lesson", ContentApi.Lesson("Buurtkracht", "Bewoners weten wat werkt."));
        var proposal = await AcceptProposalAsync(lesson.Id(), "Buurtkracht", bramId, "Bram Bijdrager", evaId,
            "Bewoners weten wat werkt, en de buurtvader weet het als eerste.");
        var draft = await RevisionAsync(eva, lesson.Id(), 2);
        draft = await Host.StepAsync(eva, draft, "submit");
        draft = await Host.StepAsync(ruud, draft, "approve");
        await Host.StepAsync(ruud, draft, "publish", reason: "aanvulling gecontroleerd");
        var number = await PublishEditionAsync(eva, "Update met aanvulling");

        var provenance = await ProvenanceWhenAsync(auditor, lesson.Id(), "sentence=de%20buurtvader%20weet%20het",
            p => p.GetProperty("editions").GetArrayLength() > 0 && Names(p).All(n => n != "onbekend"));

        // Each revision: who wrote it, where it came from, who reviewed and published it, its text.
        var revisions = provenance.GetProperty("revisions").EnumerateArray().ToArray();
        Assert.Equal([1, 2], revisions.Select(r => r.GetProperty("number").GetInt32()));
        Assert.Equal(["Eva Redacteur", "Eva Redacteur"], revisions.Select(r => r.Str("authorName")));
        Assert.Equal(JsonValueKind.Null, revisions[0].GetProperty("contribution").ValueKind);
        var contribution = revisions[1].GetProperty("contribution");
        Assert.Equal(proposal.ProposalId.ToString(), contribution.Str("proposalId"));
        Assert.Equal("Bram Bijdrager", contribution.Str("contributorName"));
        Assert.False(contribution.GetProperty("contributorErased").GetBoolean());
        Assert.Equal("Eva Redacteur", contribution.Str("acceptedByName"));
        Assert.Equal("goede aanvulling", revisions[1].Str("reason"));
        Assert.Contains("de buurtvader weet het als eerste", revisions[1].Str("text"));
        Assert.DoesNotContain("buurtvader", revisions[0].Str("text"));
        Assert.Equal(1, revisions[1].GetProperty("comparedWith").GetInt32());
        var inserted = revisions[1].GetProperty("changes").EnumerateArray().Where(c => c.Str("change") == "inserted").Select(c => c.Str("text"));
        Assert.Contains("en de buurtvader weet het als eerste", string.Concat(inserted));
        Assert.DoesNotContain("Bewoners", string.Concat(inserted));
        Assert.Equal(JsonValueKind.Null, revisions[0].GetProperty("comparedWith").ValueKind);
        var steps = revisions[1].GetProperty("steps").EnumerateArray().Select(s => (What: s.Str("description"), Who: s.Str("actorName"))).ToArray();
        Assert.Equal(
            [("Revisie 2 ter review aangeboden", "Eva Redacteur"), ("Revisie 2 goedgekeurd", "Ruud Revisor"),
             ("Les \u201cBuurtkracht\u201d gepubliceerd (revisie 2)", "Ruud Revisor")], steps);
        Assert.Equal(number, revisions[1].GetProperty("edition").GetInt32());

        // The edition it appeared in, and who published that.
        var edition = Assert.Single(provenance.GetProperty("editions").EnumerateArray());
        Assert.Equal(number, edition.GetProperty("number").GetInt32());
        Assert.Equal(2, edition.GetProperty("revision").GetInt32());
        Assert.Equal("Eva Redacteur", edition.Str("actorName"));

        // The sentence: first in revision 2, from Bram's proposal, in this edition.
        var sentence = provenance.GetProperty("sentence");
        Assert.True(sentence.GetProperty("found").GetBoolean());
        Assert.Equal(2, sentence.GetProperty("revision").GetProperty("number").GetInt32());
        Assert.Equal("Bram Bijdrager", sentence.GetProperty("revision").GetProperty("contribution").Str("contributorName"));
        Assert.Equal(number, sentence.GetProperty("edition").GetProperty("number").GetInt32());

        // An older sentence goes back to revision 1 (Eva's own text), whatever case or line breaks the search uses.
        var older = (await ProvenanceAsync(auditor, lesson.Id(), "sentence=BEWONERS%20weten%0Awat")).GetProperty("sentence");
        Assert.Equal(1, older.GetProperty("revision").GetProperty("number").GetInt32());
        Assert.Equal(JsonValueKind.Null, older.GetProperty("revision").GetProperty("contribution").ValueKind);
        Assert.False((await ProvenanceAsync(auditor, lesson.Id(), "sentence=staat%20er%20niet%20in")).GetProperty("sentence").GetProperty("found").GetBoolean());

        // Generic references: the contributor and the proposal.
        var references = provenance.GetProperty("references").EnumerateArray().ToArray();
        Assert.Contains(references, r => r.Str("kind") == "persoon" && r.Str("label") == "Bram Bijdrager");
        Assert.Contains(references, r => r.Str("id") == proposal.ProposalId.ToString());

        // The page shows the same, and the timeline's "about" filter shows the lesson with its edition, not the looks at it.
        var page = System.Net.WebUtility.HtmlDecode((await Host.Scenario(s =>
        {
            s.Get.Url($"/audit/herkomst?item={lesson.Id()}&zin=de+buurtvader+weet+het"); s.As(auditor);
        })).ReadAsText());
        Assert.Contains("staat voor het eerst in <a href=\"#revisie-2\">revisie 2</a>", page);
        Assert.Contains("Bram Bijdrager", page);
        Assert.Contains($"update {number}</strong>", page);
        Assert.Contains("Revisie 2 goedgekeurd door", page);
        var about = await Host.TimelineAsync(auditor, $"about={lesson.Id()}&limit=200");
        Assert.Contains(about.Descriptions, d => d.StartsWith($"Update {number} gepubliceerd"));
        Assert.Contains(about.Descriptions, d => d == "Revisie 2 goedgekeurd");
        Assert.All(about.Entries, e => Assert.Equal("content", e.GetProperty("module").GetString()));
        // The export takes the same filter: the lesson's events and the edition's, nothing else.
        var exported = (await Host.Scenario(s => { s.Get.Url($"/api/audit/export?format=jsonl&about={lesson.Id()}"); s.As(auditor); })).ReadAsText();
        var rows = exported.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.All(rows, r => Assert.True(r.Str("streamId") == lesson.Id().ToString() || r.GetProperty("data").GetRawText().Contains(lesson.Id().ToString()),
            r.GetRawText()));
        Assert.Contains(rows, r => r.Str("type") == "content.edition_released");
        // Entries that wrote a text say which revision, for the link to its text and diff.
        Assert.Equal([1, 2], about.Entries.Where(e => e.GetProperty("textRevision").ValueKind == JsonValueKind.Number)
            .Select(e => e.GetProperty("textRevision").GetInt32()).Order());
        var timelinePage = (await Host.Scenario(s => { s.Get.Url($"/audit?item={lesson.Id()}"); s.As(auditor); })).ReadAsText();
        Assert.Contains($"/audit/herkomst?item={lesson.Id()}#revisie-2\">tekst en verschil van revisie 2</a>", timelinePage);

        // Looking, and the sentence looked for, were recorded.
        await Host.TimelineWhenAsync(auditor, "module=audit&kind=audit_provenance_viewed&limit=200",
            t => t.Descriptions.Contains($"Herkomst van item {lesson.Id()} bekeken, gezocht naar de zin \u201cstaat er niet in\u201d"));
    }

    [Fact]
    public async Task A_lesson_written_by_several_people_lists_each_author_and_reviewer()
    {
        var eva = await Host.LoginAsRoleAsync("editor");
        var ruud = await Host.NewEditorAsync($"ruud-{Guid.NewGuid():N}@example.nl", "Ruud Revisor");
        var auditor = await Host.LoginAsRoleAsync("auditor");

        var lesson = await Host.CreateAsync(eva, "lesson", ContentApi.Lesson("Samen sterk", "Eerste versie van Eva."));
        lesson = await Host.SaveDraftAsync(ruud, lesson, ContentApi.Lesson("Samen sterk", "Eerste versie van Eva. Ruud voegde dit toe."),
            reason: "aanvulling uit de praktijk");
        lesson = await Host.StepAsync(ruud, lesson, "submit");
        // Eva and Ruud both wrote since the last publication (four eyes): a third editor reviews.
        var ilse = await Host.NewEditorAsync($"ilse-{Guid.NewGuid():N}@example.nl", "Ilse Inhoud");
        lesson = await Host.StepAsync(ilse, lesson, "approve");
        await Host.StepAsync(ilse, lesson, "publish");

        var provenance = await ProvenanceWhenAsync(auditor, lesson.Id(), "sentence=Ruud%20voegde%20dit%20toe",
            p => p.GetProperty("revisions").GetArrayLength() == 2 && p.GetProperty("revisions")[1].GetProperty("steps").GetArrayLength() == 3);
        var revisions = provenance.GetProperty("revisions").EnumerateArray().ToArray();
        Assert.Equal(["Eva Redacteur", "Ruud Revisor"], revisions.Select(r => r.Str("authorName")));
        Assert.Equal("aanvulling uit de praktijk", revisions[1].Str("reason"));
        Assert.Equal(["Ruud Revisor", "Ilse Inhoud", "Ilse Inhoud"],
            revisions[1].GetProperty("steps").EnumerateArray().Select(s => s.Str("actorName")));
        var sentence = provenance.GetProperty("sentence");
        Assert.Equal("Ruud Revisor", sentence.GetProperty("revision").Str("authorName"));
        Assert.Equal(JsonValueKind.Null, sentence.GetProperty("edition").ValueKind);
        Assert.Empty(provenance.GetProperty("editions").EnumerateArray());
    }

    [Fact]
    public async Task An_erased_contributor_shows_as_erased_and_their_name_is_nowhere()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var eva = await Host.LoginAsRoleAsync("editor");
        var ruud = await Host.NewEditorAsync($"ruud-{Guid.NewGuid():N}@example.nl", "Ruud Revisor");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var wies = await Host.OpenAccountAsync(admin, "Wies Wisbaar", ["contributor"]);
        var lesson = await Host.PublishAsync(eva, ruud, "lesson", ContentApi.Lesson("Vergeten namen", "Oude tekst."));
        await AcceptProposalAsync(lesson.Id(), "Vergeten namen", wies, "Wies Wisbaar", Guid.Parse(await Host.MeAsync(ruud)), "Oude tekst. Nieuwe zin van Wies.");
        await RevisionAsync(eva, lesson.Id(), 2);
        await ProvenanceWhenAsync(auditor, lesson.Id(), "",
            p => p.GetProperty("revisions").GetArrayLength() == 2 && p.GetRawText().Contains("Wies Wisbaar"));

        await Host.TrackedAsync(_ => Host.Scenario(s =>
        {
            s.Post.Json(new { subjectId = wies, reason = "verzoek van betrokkene" }).ToUrl("/api/community/erasures"); s.As(admin);
            s.StatusCodeShouldBe(200);
        }));

        var provenance = await ProvenanceWhenAsync(auditor, lesson.Id(), "sentence=Nieuwe%20zin%20van%20Wies",
            p => p.GetProperty("revisions")[1].GetProperty("contribution").GetProperty("contributorErased").GetBoolean());
        var contribution = provenance.GetProperty("revisions")[1].GetProperty("contribution");
        Assert.Equal("gewiste persoon", contribution.Str("contributorName"));
        Assert.Equal(wies.ToString(), contribution.Str("contributorId"));
        Assert.Equal("Ruud Revisor", contribution.Str("acceptedByName"));
        Assert.Equal("gewiste persoon", provenance.GetProperty("sentence").GetProperty("revision").GetProperty("contribution").Str("contributorName"));
        Assert.DoesNotContain("Wies Wisbaar", provenance.GetRawText());
        var page = await Host.Scenario(s => { s.Get.Url($"/audit/herkomst?item={lesson.Id()}&zin=Nieuwe+zin"); s.As(auditor); });
        var html = System.Net.WebUtility.HtmlDecode(page.ReadAsText());
        Assert.Contains("gewiste persoon", html);
        Assert.DoesNotContain("Wies Wisbaar", html);
    }

    [Fact]
    public async Task Only_auditors_read_provenance_and_bad_input_is_a_dutch_problem()
    {
        var eva = await Host.LoginAsRoleAsync("editor");
        var ruud = await Host.NewEditorAsync($"ruud-{Guid.NewGuid():N}@example.nl", "Ruud Revisor");
        var lesson = await Host.PublishAsync(eva, ruud, "lesson", ContentApi.Lesson("Alleen voor auditors"));
        var url = $"/api/audit/items/{lesson.Id()}/provenance";
        // An admin manages accounts; reading the history needs the auditor role (separation of duties).
        foreach (var role in new[] { "editor", "contributor", "organiser", "funder", "admin" })
        {
            var cookie = await Host.LoginAsRoleAsync(role);
            (await Host.Scenario(s => { s.Get.Url(url); s.As(cookie); s.StatusCodeShouldBe(403); })).ShouldBeProblem(403);
            await Host.Scenario(s => { s.Get.Url($"/audit/herkomst?item={lesson.Id()}"); s.As(cookie); s.StatusCodeShouldBe(302); });
        }
        (await Host.Scenario(s => { s.Get.Url(url); s.StatusCodeShouldBe(401); })).ShouldBeProblem(401);
        await ProvenanceWhenAsync(await Host.LoginAsRoleAsync("auditor"), lesson.Id(), "", p => p.GetProperty("revisions").GetArrayLength() == 1);

        var auditor = await Host.LoginAsRoleAsync("auditor");
        var tooShort = (await Host.Scenario(s => { s.Get.Url(url + "?sentence=ab"); s.As(auditor); s.StatusCodeShouldBe(400); })).ShouldBeProblem(400);
        Assert.Contains("3 tekens", tooShort.GetRawText());
        var problem = (await Host.Scenario(s =>
        {
            s.Get.Url($"/api/audit/items/{Guid.NewGuid()}/provenance"); s.As(auditor);
            s.StatusCodeShouldBe(404);
        })).ShouldBeProblem(404);
        Assert.Contains("geen gebeurtenissen", problem.GetProperty("detail").GetString());
        var page = await Host.Scenario(s => { s.Get.Url($"/audit/herkomst?item={Guid.NewGuid()}"); s.As(auditor); s.StatusCodeShouldBe(404); });
        Assert.Contains("role=\"alert\"", page.ReadAsText());
        var badSentence = await Host.Scenario(s => { s.Get.Url($"/audit/herkomst?item={lesson.Id()}&zin=ab"); s.As(auditor); s.StatusCodeShouldBe(400); });
        Assert.Contains("Geef ten minste 3 tekens van de zin op.", System.Net.WebUtility.HtmlDecode(badSentence.ReadAsText()));
        var form = await Host.Scenario(s => { s.Get.Url("/audit/herkomst"); s.As(auditor); s.StatusCodeShouldBe(200); });
        Assert.Contains("<label for=\"veld-item\">Item (id)</label>", form.ReadAsText());
    }

    /// <summary>What Contributions will publish when an editor accepts a proposal; waits until Content has handled it.</summary>
    private async Task<ProposalAccepted> AcceptProposalAsync(Guid lesson, string title, Guid proposer, string proposerName, Guid acceptedBy,
        string body)
    {
        var proposal = new ProposalAccepted(Guid.NewGuid(), lesson, null, ["participatie"], title, null, body, [], 1, proposer, proposerName,
            acceptedBy, "goede aanvulling", DateTimeOffset.UtcNow);
        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(ctx => ctx.PublishAsync(proposal).AsTask()));
        return proposal;
    }

    /// <summary>The lesson, which must be at <paramref name="revision"/> (the proposal that made it was waited for).</summary>
    private async Task<JsonElement> RevisionAsync(string editor, Guid lesson, int revision)
    {
        var current = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{lesson}"); s.As(editor); })).ReadAsJson<JsonElement>();
        Assert.Equal(revision, current.GetProperty("revision").GetInt32());
        return current;
    }

    private async Task<int> PublishEditionAsync(string editor, string title)
    {
        var candidates = (await Host.Scenario(s => { s.Get.Url("/api/content/editions/candidates"); s.As(editor); })).ReadAsJson<JsonElement[]>();
        var edition = (await Host.Scenario(s =>
        {
            s.Post.Json(new { title, notes = candidates.Select(c => new { itemId = c.Str("itemId"), change = "minor", note = "Aangevuld." }).ToArray() })
                .ToUrl("/api/content/editions");
            s.As(editor);
        })).ReadAsJson<JsonElement>();
        var number = edition.GetProperty("number").GetInt32();
        await Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = edition.Version(), reason = "maandelijkse update" }).ToUrl($"/api/content/editions/{number}/publish");
            s.As(editor);
        });
        return number;
    }

    private async Task<JsonElement> ProvenanceAsync(string cookie, Guid item, string query) =>
        (await Host.Scenario(s => { s.Get.Url($"/api/audit/items/{item}/provenance?{query}"); s.As(cookie); })).ReadAsJson<JsonElement>();

    /// <summary>The provenance once the daemon has projected every event stored so far; it must show what <paramref name="ready"/> expects.</summary>
    private async Task<JsonElement> ProvenanceWhenAsync(string cookie, Guid item, string query, Func<JsonElement, bool> ready)
    {
        await Host.ProjectionsCaughtUpAsync();
        var json = await ProvenanceAsync(cookie, item, query);
        Assert.True(ready(json), $"De herkomst is niet zoals verwacht: {json}");
        return json;
    }

    private static IEnumerable<string> Names(JsonElement provenance) =>
        provenance.GetProperty("events").EnumerateArray().Select(e => e.Str("actorName"))
            .Concat(provenance.GetProperty("revisions").EnumerateArray().SelectMany(r => r.GetProperty("steps").EnumerateArray()).Select(s => s.Str("actorName")));
}
