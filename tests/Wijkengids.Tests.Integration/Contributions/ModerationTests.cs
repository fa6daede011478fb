using System.Text.Json;
using Alba;
using Wijkengids.Tests.Integration.Content;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Contributions;

/// <summary>
/// Moderation in the open: every decision carries a reason code from the fixed list, the public log shows every decision
/// without personal data (page, API, CSV and JSON), and a contributor may object once to a removal or rejection, which
/// another editor than the one who decided handles.
/// </summary>
[Collection(SharedHosts.Contributions)]
public sealed class ModerationTests(ContributionsHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    private async Task<JsonElement> PostAsync(string cookie, string url, object body, int status = 200)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            if (cookie.Length > 0) s.As(cookie);
            s.StatusCodeShouldBe(status);
        });
        return status == 204 ? default : result.ReadAsJson<JsonElement>();
    }

    private async Task<JsonElement> ReactionAsync(string editor, Guid id) =>
        (await Host.Scenario(s => { s.Get.Url($"/api/contributions/moderation/reactions/{id}"); s.As(editor); })).ReadAsJson<JsonElement>();

    private async Task<JsonElement> LogAsync(string query = "") =>
        (await Host.Scenario(s => s.Get.Url("/api/contributions/moderation-log" + query))).ReadAsJson<JsonElement>();

    private async Task<(string Eva, string Ruud)> EditorsAsync() =>
        (await Host.NewEditorAsync($"eva-{Guid.NewGuid():N}@example.nl", "Eva Eindredacteur"),
            await Host.NewEditorAsync($"ruud-{Guid.NewGuid():N}@example.nl", "Ruud Revisor"));

    [Fact]
    public async Task Reaction_decisions_carry_reason_codes_a_public_answer_needs_publication_and_the_log_shows_no_personal_data()
    {
        var (eva, _) = await EditorsAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var email = $"lia-{marker}@example.nl";
        var sent = await PostAsync("", "/api/contributions/reactions", new
        {
            about = "sectie:1.4", name = $"Lia {marker}", email, message = $"Noem ook de bewonersbedrijven ({marker}).", consent = true, showName = true,
        }, 201);
        var id = sent.Id();
        var url = $"/api/contributions/moderation/reactions/{id}";

        // A public answer stands under the reaction: not while it is unpublished.
        var refused = await PostAsync(eva, url + "/answer", new { answer = "Dank u.", @public = true, expectedVersion = 1 }, 422);
        Assert.Contains("niet gepubliceerd", refused.Str("detail"));

        var published = await PostAsync(eva, url + "/publish", new { expectedVersion = 1 });
        Assert.Equal(("gepubliceerd", "relevant"), (published.Str("status"), published.Str("reasonCode")));

        // Taking it offline is a removal: a reason from the list is required, and it must fit the decision.
        var missing = await PostAsync(eva, url + "/unpublish", new { expectedVersion = 2 }, 400);
        Assert.Equal("Kies een reden voor 'teruggetrokken': buiten-onderwerp, persoonsgegevens, ongepast, dubbel, onvoldoende-onderbouwd.",
            missing.GetProperty("errors").GetProperty("reasonCode")[0].GetString());
        await PostAsync(eva, url + "/unpublish", new { expectedVersion = 2, reasonCode = "relevant" }, 400);
        var removed = await PostAsync(eva, url + "/unpublish", new { expectedVersion = 2, reasonCode = "buiten-onderwerp", reason = "Gaat over een ander onderwerp." });
        Assert.Equal(("teruggetrokken", "buiten-onderwerp", "buiten onderwerp", "Gaat over een ander onderwerp."),
            (removed.Str("status"), removed.Str("reasonCode"), removed.Str("reasonText"), removed.Str("decisionNote")));

        // The public log: the decisions in order, with outcome and reason, and nothing of the person or their words.
        var log = await LogAsync();
        var json = log.GetRawText();
        Assert.DoesNotContain(marker, json);
        Assert.DoesNotContain("Gaat over een ander onderwerp", json);
        var entries = log.GetProperty("entries").EnumerateArray().Where(e => e.Str("subject") == "paragraaf 1.4").ToList();
        Assert.Contains(entries, e => e.Str("decision") == "teruggetrokken" && e.Str("reasonCode") == "buiten-onderwerp" && e.Str("url") == "/gids/1.4");
        Assert.Contains(entries, e => e.Str("decision") == "gepubliceerd" && e.Str("reason") == "relevant voor lezers" && e.Str("kind") == "reactie");
        var month = log.GetProperty("months")[0].GetString()!;
        Assert.Contains(log.GetProperty("byOutcome").EnumerateArray(), c => c.Str("month") == month && c.Str("value") == "teruggetrokken" && c.GetProperty("count").GetInt32() >= 1);
        Assert.Contains(log.GetProperty("byReason").EnumerateArray(), c => c.Str("month") == month && c.Str("value") == "buiten onderwerp");
        Assert.Equal(log.GetProperty("total").GetInt32(), (await LogAsync($"?month={month}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await LogAsync("?month=1999-01")).GetProperty("total").GetInt32());
        (await Host.Scenario(s => { s.Get.Url("/api/contributions/moderation-log?month=2026-13"); s.StatusCodeShouldBe(400); })).ShouldBeProblem(400);
        (await Host.Scenario(s => { s.Get.Url("/api/contributions/moderation-log?page=0"); s.StatusCodeShouldBe(400); })).ShouldBeProblem(400);

        // The page and the exports, for everyone.
        var page = (await Host.Scenario(s => s.Get.Url("/moderatie"))).ReadAsText();
        Assert.Contains("<h1>Moderatielogboek</h1>", page);
        Assert.Contains("buiten onderwerp", page);
        Assert.DoesNotContain(marker, page);
        var csv = await Host.Scenario(s => s.Get.Url($"/api/contributions/moderation-log/export.csv?month={month}"));
        Assert.StartsWith("text/csv", csv.Context.Response.ContentType);
        var text = csv.ReadAsText().TrimStart('\uFEFF');
        Assert.StartsWith("Datum;Soort;Over;Link;Besluit;Redencode;Reden", text);
        Assert.Contains(";reactie;paragraaf 1.4;/gids/1.4;teruggetrokken;buiten-onderwerp;buiten onderwerp", text);
        Assert.DoesNotContain(marker, text);
        var exported = (await Host.Scenario(s => s.Get.Url("/api/contributions/moderation-log/export.json"))).ReadAsJson<JsonElement[]>();
        Assert.Contains(exported, e => e.Str("decision") == "teruggetrokken" && e.Str("reasonCode") == "buiten-onderwerp");
        await Host.Scenario(s => { s.Get.Url("/api/contributions/moderation-log/export.csv?month=mei"); s.StatusCodeShouldBe(400); });
    }

    [Fact]
    public async Task A_proposer_objects_once_to_a_rejection_and_another_editor_grants_it_which_opens_the_proposal_again()
    {
        var (eva, ruud) = await EditorsAsync();
        var lesson = await Host.PublishAsync(eva, ruud, "lesson", ContentApi.Lesson("Bezwaar " + Guid.NewGuid().ToString("N")[..6], "Tekst.", sections: ["1.4"]));
        var (_, carla) = await Host.OpenContributorAsync("Carla Bijdrager", $"carla-{Guid.NewGuid():N}@example.nl");
        var proposal = await PostAsync(carla, "/api/contributions/proposals", new
        {
            kind = "wijziging", lesson = lesson.Str("slug"), title = lesson.GetProperty("text").Str("title"), statement = "Een korte stelling.",
            body = "Tekst met een aanvulling.", motivation = "Uit de praktijk.",
        }, 201);
        var id = proposal.Id();
        var mine = $"/mijn-bijdragen/voorstellen/{id}";

        // Nothing to object to while it is open.
        await PostAsync(carla, $"/api/contributions/proposals/{id}/appeal", new { motivation = "Waarom?" }, 422);
        await PostAsync(eva, $"/api/contributions/moderation/proposals/{id}/reject", new { expectedVersion = 1, reasonCode = "onvoldoende-onderbouwd" });

        // The proposer objects on their page: without a motivation the form says so at the field.
        var (html, token, antiforgery) = await Host.FormTokenAsync(mine, carla);
        Assert.Contains("Bezwaar maken", html);
        Assert.Contains("onvoldoende onderbouwd", html);
        var empty = await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["Motivation"] = " ", ["__RequestVerificationToken"] = token }).ToUrl(mine);
            s.ConfigureHttpContext(c => c.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?handler=Object"));
            s.As($"{carla}; {antiforgery}");
            s.StatusCodeShouldBe(400);
        });
        Assert.Contains("Schrijf waarom u het niet eens bent met het besluit.", empty.ReadAsText());
        await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["Motivation"] = "Ik noemde twee voorbeelden uit Rotterdam-Zuid.", ["__RequestVerificationToken"] = token,
            }).ToUrl(mine);
            s.ConfigureHttpContext(c => c.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?handler=Object"));
            s.As($"{carla}; {antiforgery}");
            s.StatusCodeShouldBe(302);
        });
        var again = await PostAsync(carla, $"/api/contributions/proposals/{id}/appeal", new { motivation = "Nog eens." }, 422);
        Assert.Contains("één keer", again.Str("detail"));

        // The editor who rejected may not decide; another editor can, and sees the objection.
        var editorView = (await Host.Scenario(s => { s.Get.Url($"/api/contributions/moderation/proposals/{id}"); s.As(ruud); })).ReadAsJson<JsonElement>();
        Assert.Equal(("open", "Ik noemde twee voorbeelden uit Rotterdam-Zuid."), (editorView.Str("appeal"), editorView.Str("appealMotivation")));
        Assert.Contains((await Host.Scenario(s => { s.Get.Url("/api/contributions/moderation/proposals?status=bezwaar"); s.As(ruud); }))
            .ReadAsJson<JsonElement[]>(), p => p.Id() == id);
        var own = await PostAsync(eva, $"/api/contributions/moderation/proposals/{id}/appeal-decision",
            new { granted = true, expectedVersion = editorView.Version() }, 422);
        Assert.Contains("andere redacteur", own.Str("detail"));
        var granted = await PostAsync(ruud, $"/api/contributions/moderation/proposals/{id}/appeal-decision",
            new { granted = true, explanation = "De voorbeelden onderbouwen het voldoende.", expectedVersion = editorView.Version() });
        Assert.Equal("ingediend", granted.Str("status"));

        // The proposer sees the outcome; the proposal is open again; the log shows the objection's outcome.
        var after = (await Host.Scenario(s => { s.Get.Url("/api/contributions/mine/proposals"); s.As(carla); })).ReadAsJson<JsonElement[]>().Single(p => p.Id() == id);
        Assert.Equal(("ingediend", "gegrond", "De voorbeelden onderbouwen het voldoende."), (after.Str("status"), after.Str("appeal"), after.Str("appealExplanation")));
        Assert.False(after.GetProperty("canObject").GetBoolean());
        var page = (await Host.Scenario(s => { s.Get.Url(mine); s.As(carla); })).ReadAsText();
        Assert.Contains("bezwaar gegrond", page);
        Assert.DoesNotContain("id=\"bezwaar\"", page);
        var entries = (await LogAsync()).GetProperty("entries").EnumerateArray().Where(e => e.Str("url") == $"/lessen/{lesson.Str("slug")}").ToList();
        Assert.Equal(["bezwaar-gegrond", "afgewezen"], entries.Select(e => e.Str("decision")));
        Assert.Equal("besluit-herzien", entries[0].Str("reasonCode"));
    }

    [Fact]
    public async Task A_signed_in_sender_objects_to_a_removal_on_their_page_and_another_editor_dismisses_it()
    {
        var (eva, ruud) = await EditorsAsync();
        var (_, lia) = await Host.OpenContributorAsync("Lia Lezer", $"lia-{Guid.NewGuid():N}@example.nl");
        var (_, other) = await Host.OpenContributorAsync("Otto Ander", $"otto-{Guid.NewGuid():N}@example.nl");
        var sent = await PostAsync(lia, "/api/contributions/reactions", new
        {
            about = "sectie:2.1", name = "Lia Lezer", email = "lia@example.nl", message = "Ik woon in de wijk en zie het anders.", consent = true, showName = true,
        }, 201);
        var id = sent.Id();
        await PostAsync(eva, $"/api/contributions/moderation/reactions/{id}/publish", new { expectedVersion = 1 });
        await PostAsync(eva, $"/api/contributions/moderation/reactions/{id}/unpublish", new { expectedVersion = 2, reasonCode = "persoonsgegevens" });

        var mine = $"/mijn-bijdragen/reacties/{id}";
        var page = (await Host.Scenario(s => { s.Get.Url(mine); s.As(lia); })).ReadAsText();
        Assert.Contains("teruggetrokken", page);
        Assert.Contains("persoonsgegevens", page);
        Assert.Contains("Bezwaar maken", page);
        Assert.Contains($"href=\"{mine}\"", (await Host.Scenario(s => { s.Get.Url("/mijn-bijdragen"); s.As(lia); })).ReadAsText());
        // Someone else's reaction is not theirs to see or object to.
        await Host.Scenario(s => { s.Get.Url(mine); s.As(other); s.StatusCodeShouldBe(404); });
        await PostAsync(other, $"/api/contributions/mine/reactions/{id}/appeal", new { motivation = "Ook mijn mening." }, 404);

        var objected = await PostAsync(lia, $"/api/contributions/mine/reactions/{id}/appeal", new { motivation = "Er staan geen namen in." });
        Assert.Equal(("open", false), (objected.Str("appeal"), objected.GetProperty("canObject").GetBoolean()));
        var current = await ReactionAsync(ruud, id);
        await PostAsync(eva, $"/api/contributions/moderation/reactions/{id}/appeal-decision", new { granted = false, expectedVersion = current.Version() }, 422);
        var dismissed = await PostAsync(ruud, $"/api/contributions/moderation/reactions/{id}/appeal-decision",
            new { granted = false, explanation = "De straatnaam en het huisnummer maken u herkenbaar.", expectedVersion = current.Version() });
        Assert.Equal(("teruggetrokken", "ongegrond"), (dismissed.Str("status"), dismissed.Str("appeal")));

        page = (await Host.Scenario(s => { s.Get.Url(mine); s.As(lia); })).ReadAsText();
        Assert.Contains("bezwaar ongegrond", page);
        Assert.Contains("De straatnaam en het huisnummer maken u herkenbaar.", page);
        Assert.DoesNotContain((await Host.Scenario(s => s.Get.Url("/api/contributions/reactions?about=sectie:2.1"))).ReadAsJson<JsonElement[]>(),
            r => r.Id() == id);
        Assert.Contains((await LogAsync()).GetProperty("entries").EnumerateArray(),
            e => e.Str("decision") == "bezwaar-ongegrond" && e.Str("reasonCode") == "besluit-blijft" && e.Str("subject") == "paragraaf 2.1");
    }
}
