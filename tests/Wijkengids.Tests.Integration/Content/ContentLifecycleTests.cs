using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Content;

/// <summary>Draft → review (four-eyes) → publish → unpublish/archive, revisions, concurrency and sanitising, over the API.</summary>
[Collection(SharedHosts.Content)]
public sealed class ContentLifecycleTests(ContentHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    private async Task<(string Eva, string Ruud)> EditorsAsync()
    {
        var eva = await Host.LoginAsRoleAsync("editor");
        var ruud = await Host.NewEditorAsync($"ruud-{Guid.NewGuid():N}@example.nl", "Ruud Revisor");
        return (eva, ruud);
    }

    [Fact]
    public async Task A_lesson_goes_from_draft_through_review_to_published_and_only_then_readers_see_it()
    {
        var (eva, ruud) = await EditorsAsync();
        var correlation = "les-" + Guid.NewGuid().ToString("N");
        var item = await Host.CreateAsync(eva, "lesson", ContentApi.Lesson("Bewoners eerst", "Begin bij wat **bewoners** zelf willen."),
            reason: "nieuwe les");
        Assert.Equal("draft", item.Str("status"));
        Assert.Equal(1, item.GetProperty("revision").GetInt32());
        var slug = item.Str("slug");
        Assert.Equal("bewoners-eerst", slug);

        // Draft: invisible to readers, in the API and on the page.
        Assert.Equal(404, await Host.StatusOfAsync($"/api/content/lessons/{slug}"));
        Assert.Equal(404, await Host.StatusOfAsync($"/lessen/{slug}"));

        item = await Host.StepAsync(eva, item, "submit");
        Assert.Equal("in-review", item.Str("status"));
        Assert.Equal(404, await Host.StatusOfAsync($"/api/content/lessons/{slug}"));

        item = await Host.StepAsync(ruud, item, "approve");
        Assert.Equal("approved", item.Str("status"));
        Assert.Equal(404, await Host.StatusOfAsync($"/api/content/lessons/{slug}"));

        var published = await Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = item.Version(), reason = "klaar" }).ToUrl($"/api/content/items/{item.Id()}/publish");
            s.As(ruud);
            s.WithRequestHeader("X-Correlation-Id", correlation);
            s.StatusCodeShouldBe(200);
        });
        item = published.ReadAsJson<JsonElement>();
        Assert.Equal("published", item.Str("status"));
        Assert.Equal(1, item.GetProperty("publishedRevision").GetInt32());

        var lesson = (await Host.Scenario(s => s.Get.Url($"/api/content/lessons/{slug}"))).ReadAsJson<JsonElement>().GetProperty("lesson");
        Assert.Equal("Bewoners eerst", lesson.Str("title"));
        Assert.Contains("<strong>bewoners</strong>", lesson.Str("bodyHtml"));

        // Every step is an event with actor, correlation and reason.
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(item.Id());
        Assert.Equal(["ItemCreated", "DraftSaved", "SubmittedForReview", "ReviewApproved", "ItemPublished"],
            events.Select(e => e.EventType.Name).ToArray());
        var evaId = await Host.MeAsync(eva);
        var ruudId = await Host.MeAsync(ruud);
        Assert.Equal(new[] { evaId, evaId, evaId, ruudId, ruudId }, events.Select(e => e.UserName ?? "").ToArray());
        Assert.Equal("nieuwe les", events[1].Headers!["reason"]?.ToString());
        Assert.Equal(correlation, events[4].CorrelationId);
        Assert.Equal("klaar", events[4].Headers!["reason"]?.ToString());
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.CausationId)));
    }

    [Fact]
    public async Task Drafts_saved_at_the_same_moment_on_the_same_version_keep_one_and_refuse_the_others_with_a_link_to_the_current_text()
    {
        var (eva, _) = await EditorsAsync();
        var item = await Host.CreateAsync(eva, "lesson", ContentApi.Lesson("Tegelijk schrijven " + Guid.NewGuid().ToString("N")[..6]));
        var attempts = await Task.WhenAll(Enumerable.Range(1, 4).Select(n => Host.Scenario(s =>
        {
            s.Put.Json(new { expectedVersion = item.Version(), text = ContentApi.Lesson(item.GetProperty("text").Str("title"), $"Versie {n}.") })
                .ToUrl($"/api/content/items/{item.Id()}/draft");
            s.As(eva);
            s.IgnoreStatusCode();
        })));

        var statuses = attempts.Select(a => a.Context.Response.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(c => c == 200));
        Assert.Equal(3, statuses.Count(c => c == 409));
        foreach (var refused in attempts.Where(a => a.Context.Response.StatusCode == 409))
        {
            var problem = refused.ReadAsJson<JsonElement>();
            Assert.Contains("Iemand anders heeft dit item intussen gewijzigd", problem.Str("detail"));
            Assert.Equal($"/redactie/items/{item.Id()}", problem.Str("currentPage"));
        }
        // Exactly one new revision: none lost, none doubled.
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(item.Id());
        Assert.Equal(2, events.Count(e => e.EventType.Name == "DraftSaved"));
    }

    [Fact]
    public async Task Two_editors_adding_the_same_theme_at_the_same_moment_get_one_theme_and_a_clear_conflict()
    {
        var (eva, ruud) = await EditorsAsync();
        var name = "Gelijktijdig " + Guid.NewGuid().ToString("N")[..6];
        var attempts = await Task.WhenAll(new[] { eva, ruud, eva, ruud }.Select(cookie => Host.Scenario(s =>
        {
            s.Post.Json(new { name, description = "Twee keer tegelijk." }).ToUrl("/api/content/themes");
            s.As(cookie);
            s.IgnoreStatusCode();
        })));

        var statuses = attempts.Select(a => a.Context.Response.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(c => c == 201));
        Assert.Equal(3, statuses.Count(c => c == 409));
        Assert.All(attempts.Where(a => a.Context.Response.StatusCode == 409),
            a => Assert.StartsWith("Er is al een thema", a.ReadAsJson<JsonElement>().Str("detail")));
    }

    [Fact]
    public async Task Four_eyes_the_author_cannot_approve_or_reject_their_own_revision()
    {
        var (eva, ruud) = await EditorsAsync();
        var item = await Host.CreateAsync(eva, "lesson", ContentApi.Lesson("Eigen werk"));
        item = await Host.StepAsync(eva, item, "submit");

        var problem = (await Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = item.Version() }).ToUrl($"/api/content/items/{item.Id()}/approve"); s.As(eva);
            s.StatusCodeShouldBe(422);
        })).ShouldBeProblem(422);
        Assert.Contains("Vier ogen", problem.GetProperty("detail").GetString());
        await Host.StepAsync(eva, item, "request-changes", 422, comment: "zelf afkeuren");

        // When the reviewer saves a revision, they become an author too: everyone who wrote since the last publication is.
        item = await Host.StepAsync(ruud, item, "request-changes", comment: "Voeg een bron toe.");
        Assert.Equal("changes-requested", item.Str("status"));
        Assert.Equal("Voeg een bron toe.", item.Str("reviewComment"));
        item = await Host.SaveDraftAsync(ruud, item, ContentApi.Lesson("Eigen werk", "Met bron."));
        item = await Host.StepAsync(ruud, item, "submit");
        await Host.StepAsync(ruud, item, "approve", 422);
        await Host.StepAsync(eva, item, "approve", 422);
        var ilse = await Host.NewEditorAsync($"ilse-{Guid.NewGuid():N}@example.nl", "Ilse Inhoud");
        item = await Host.StepAsync(ilse, item, "approve");
        Assert.Equal("approved", item.Str("status"));

        // The approval names its approver and the authors it was checked against.
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var approval = (await session.Events.FetchStreamAsync(item.Id())).Select(e => e.Data).OfType<Wijkengids.Content.Items.ReviewApproved>().Single();
        Assert.Equal(await Host.MeAsync(ilse), approval.Approver);
        Assert.Equal(new[] { await Host.MeAsync(eva), await Host.MeAsync(ruud) }, approval.Authors!.ToArray());
    }

    [Fact]
    public async Task Four_eyes_cannot_be_sidestepped_by_a_colleague_saving_the_same_text()
    {
        var (eva, ruud) = await EditorsAsync();
        var item = await Host.CreateAsync(eva, "lesson", ContentApi.Lesson("Zelf goedkeuren", "De tekst van Eva."));
        var text = ContentApi.Lesson("Zelf goedkeuren", "De tekst van Eva.");

        // Ruud saves the same text to become the last author, so that Eva could approve her own words: refused, no revision.
        var refused = (await Host.Scenario(s =>
        {
            s.Put.Json(new { expectedVersion = item.Version(), text }).ToUrl($"/api/content/items/{item.Id()}/draft"); s.As(ruud);
            s.StatusCodeShouldBe(422);
        })).ShouldBeProblem(422);
        Assert.Contains("niets gewijzigd", refused.GetProperty("detail").GetString());
        var current = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{item.Id()}"); s.As(eva); })).ReadAsJson<JsonElement>();
        Assert.Equal((1, item.Version()), (current.GetProperty("revision").GetInt32(), current.Version()));

        // A real change by Ruud makes both of them authors: Eva may not approve it either.
        item = await Host.SaveDraftAsync(ruud, current, ContentApi.Lesson("Zelf goedkeuren", "De tekst van Eva, met een komma van Ruud."));
        item = await Host.StepAsync(ruud, item, "submit");
        var problem = (await Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = item.Version() }).ToUrl($"/api/content/items/{item.Id()}/approve"); s.As(eva);
            s.StatusCodeShouldBe(422);
        })).ShouldBeProblem(422);
        Assert.Contains("sinds de vorige publicatie", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Workflow_steps_out_of_order_are_refused_with_a_dutch_reason()
    {
        var (eva, ruud) = await EditorsAsync();
        var item = await Host.CreateAsync(eva, "lesson", ContentApi.Lesson("Op volgorde"));
        var problem = (await Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = item.Version() }).ToUrl($"/api/content/items/{item.Id()}/publish"); s.As(ruud);
            s.StatusCodeShouldBe(422);
        })).ShouldBeProblem(422);
        Assert.Contains("goedgekeurde", problem.GetProperty("detail").GetString());
        await Host.StepAsync(ruud, item, "approve", 422);
        await Host.StepAsync(ruud, item, "unpublish", 422, reason: "test");
    }

    [Fact]
    public async Task Saving_on_a_stale_version_is_a_409_with_a_link_to_the_current_text_and_nothing_is_overwritten()
    {
        var (eva, ruud) = await EditorsAsync();
        var loadedByBoth = await Host.CreateAsync(eva, "lesson", ContentApi.Lesson("Gelijktijdig"));
        await Host.SaveDraftAsync(ruud, loadedByBoth, ContentApi.Lesson("Gelijktijdig", "Ruuds tekst."));

        var problem = (await Host.Scenario(s =>
        {
            s.Put.Json(new { expectedVersion = loadedByBoth.Version(), text = ContentApi.Lesson("Gelijktijdig", "Eva's tekst.") })
                .ToUrl($"/api/content/items/{loadedByBoth.Id()}/draft");
            s.As(eva);
            s.StatusCodeShouldBe(409);
        })).ShouldBeProblem(409);
        Assert.Contains("intussen gewijzigd", problem.GetProperty("detail").GetString());
        Assert.Equal($"/api/content/items/{loadedByBoth.Id()}", problem.GetProperty("current").GetString());
        Assert.Equal($"/redactie/items/{loadedByBoth.Id()}", problem.GetProperty("currentPage").GetString());

        var current = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{loadedByBoth.Id()}"); s.As(eva); })).ReadAsJson<JsonElement>();
        Assert.Equal("Ruuds tekst.", current.GetProperty("text").Str("body"));
        Assert.Equal(2, current.GetProperty("revision").GetInt32());
        Assert.Equal(problem.GetProperty("currentVersion").GetInt64(), current.Version());

        // A stale workflow step is refused the same way.
        await Host.StepAsync(eva, loadedByBoth, "submit", 409);
        var missingVersion = (await Host.Scenario(s =>
        {
            s.Post.Json(new { reason = "zonder versie" }).ToUrl($"/api/content/items/{loadedByBoth.Id()}/submit"); s.As(eva);
            s.StatusCodeShouldBe(400);
        })).ShouldBeProblem(400);
        Assert.True(missingVersion.GetProperty("errors").TryGetProperty("expectedVersion", out _));
    }

    [Fact]
    public async Task Every_save_is_a_revision_with_full_text_and_revert_restores_an_older_text_as_a_new_revision()
    {
        var (eva, _) = await EditorsAsync();
        var item = await Host.CreateAsync(eva, "lesson", ContentApi.Lesson("Revisies", "De wijk is van de bewoners."));
        item = await Host.SaveDraftAsync(eva, item, ContentApi.Lesson("Revisies", "De wijk is van iedereen die er woont."), reason: "breder");
        Assert.Equal(2, item.GetProperty("revision").GetInt32());

        var diff = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{item.Id()}/diff?from=1&to=2"); s.As(eva); })).ReadAsJson<JsonElement>();
        var body = diff.GetProperty("fields").EnumerateArray().Single(f => f.Str("field") == "body");
        var pieces = body.GetProperty("pieces").EnumerateArray().Select(p => (p.Str("change"), p.Str("text"))).ToList();
        Assert.Contains(("deleted", "de bewoners"), pieces);
        Assert.Contains(("inserted", "iedereen die er woont"), pieces);
        Assert.Contains("<del>de bewoners</del>", body.Str("html"));

        var noReason = (await Host.Scenario(s =>
        {
            s.Post.Json(new { revision = 1, expectedVersion = item.Version() }).ToUrl($"/api/content/items/{item.Id()}/revert"); s.As(eva);
            s.StatusCodeShouldBe(400);
        })).ShouldBeProblem(400);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));

        item = (await Host.Scenario(s =>
        {
            s.Post.Json(new { revision = 1, expectedVersion = item.Version(), reason = "te breed geformuleerd" })
                .ToUrl($"/api/content/items/{item.Id()}/revert"); s.As(eva);
        })).ReadAsJson<JsonElement>();
        Assert.Equal(3, item.GetProperty("revision").GetInt32());
        Assert.Equal("De wijk is van de bewoners.", item.GetProperty("text").Str("body"));

        var history = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{item.Id()}/history"); s.As(eva); })).ReadAsJson<JsonElement>();
        var revisions = history.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal([3, 2, 1], revisions.Select(r => r.GetProperty("revision").GetInt32()).ToArray());
        Assert.Equal(1, revisions[0].GetProperty("restoredFrom").GetInt32());
        Assert.Equal("te breed geformuleerd", revisions[0].Str("reason"));
        Assert.Equal("breder", revisions[1].Str("reason"));
        var second = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{item.Id()}/revisions/2"); s.As(eva); })).ReadAsJson<JsonElement>();
        Assert.Equal("De wijk is van iedereen die er woont.", second.GetProperty("text").Str("body"));
        await Host.Scenario(s => { s.Get.Url($"/api/content/items/{item.Id()}/revisions/9"); s.As(eva); s.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task Unpublish_and_archive_take_an_item_away_from_readers_with_a_reason()
    {
        var (eva, ruud) = await EditorsAsync();
        var item = await Host.PublishAsync(eva, ruud, "lesson", ContentApi.Lesson("Tijdelijk"));
        var slug = item.Str("slug");
        Assert.Equal(200, await Host.StatusOfAsync($"/api/content/lessons/{slug}"));

        await Host.StepAsync(eva, item, "unpublish", 400);
        item = await Host.StepAsync(eva, item, "unpublish", reason: "verouderd");
        Assert.Equal("unpublished", item.Str("status"));
        Assert.Equal(404, await Host.StatusOfAsync($"/api/content/lessons/{slug}"));

        item = await Host.StepAsync(eva, item, "archive", reason: "vervangen door een nieuwe les");
        Assert.Equal("archived", item.Str("status"));
        await Host.SaveDraftAsync(eva, item, ContentApi.Lesson("Tijdelijk", "nog iets"), 422);
        var queue = (await Host.Scenario(s => { s.Get.Url("/api/content/items"); s.As(eva); })).ReadAsJson<JsonElement[]>();
        Assert.DoesNotContain(queue, i => i.Id() == item.Id());
    }

    [Fact]
    public async Task A_published_revision_stays_visible_while_the_next_draft_is_being_written()
    {
        var (eva, ruud) = await EditorsAsync();
        var item = await Host.PublishAsync(eva, ruud, "lesson", ContentApi.Lesson("Stabiel", "Gepubliceerde tekst."));
        item = await Host.SaveDraftAsync(eva, item, ContentApi.Lesson("Stabiel", "Geheime concepttekst."));
        Assert.Equal("draft", item.Str("status"));
        Assert.Equal(1, item.GetProperty("publishedRevision").GetInt32());
        var page = (await Host.Scenario(s => s.Get.Url($"/api/content/lessons/{item.Str("slug")}"))).ReadAsText();
        Assert.Contains("Gepubliceerde tekst.", page);
        Assert.DoesNotContain("Geheime concepttekst", page);
    }

    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("[klik](javascript:alert(1))")]
    [InlineData("[klik](JaVaScRiPt:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("![plaatje](x\" onerror=\"alert(1))")]
    [InlineData("<a href=\"https://example.nl\" onclick=\"alert(1)\">x</a>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<iframe src=\"https://example.nl\"></iframe>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    public async Task Markdown_is_rendered_and_sanitised_so_no_script_reaches_a_reader(string attack)
    {
        var (eva, ruud) = await EditorsAsync();
        var item = await Host.PublishAsync(eva, ruud, "lesson",
            ContentApi.Lesson($"Veilig {Guid.NewGuid():N}", $"Gewone *tekst*.\n\n{attack}\n\n[Platform31](https://www.platform31.nl)"));
        var api = (await Host.Scenario(s => s.Get.Url($"/api/content/lessons/{item.Str("slug")}"))).ReadAsJson<JsonElement>();
        var html = api.GetProperty("lesson").Str("bodyHtml");
        AssertHarmless(html);
        Assert.Contains("<em>tekst</em>", html);
        Assert.Contains("href=\"https://www.platform31.nl\"", html);

        var preview = (await Host.Scenario(s => { s.Post.Json(new { markdown = attack }).ToUrl("/api/content/preview"); s.As(eva); }))
            .ReadAsJson<JsonElement>();
        AssertHarmless(preview.Str("html"));
        var page = (await Host.Scenario(s => s.Get.Url($"/lessen/{item.Str("slug")}"))).ReadAsText();
        Assert.Contains("<em>tekst</em>", page);
        AssertHarmless(page[page.IndexOf("<main", StringComparison.Ordinal)..]);
    }

    /// <summary>Escaped text may mention anything; what may not survive is live markup that runs script.</summary>
    private static void AssertHarmless(string html)
    {
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex(@"<(script|iframe|svg|object|embed|img)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex(@"<[^>]*\son\w+\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex(@"(href|src)\s*=\s*[""']?\s*(javascript|data|vbscript):", System.Text.RegularExpressions.RegexOptions.IgnoreCase), html);
    }

    [Fact]
    public async Task Only_editors_may_write_and_see_drafts()
    {
        var contributor = await Host.LoginAsRoleAsync("contributor");
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { kind = "lesson", text = ContentApi.Lesson("Mag niet") }).ToUrl("/api/content/items");
            s.StatusCodeShouldBe(401);
        })).ShouldBeProblem(401);
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { kind = "lesson", text = ContentApi.Lesson("Mag niet") }).ToUrl("/api/content/items"); s.As(contributor);
            s.StatusCodeShouldBe(403);
        })).ShouldBeProblem(403);
        Assert.Equal(403, await Host.StatusOfAsync("/api/content/items", contributor));
        Assert.Equal(401, await Host.StatusOfAsync("/api/content/items"));

        // Separation of duties: an admin manages accounts and roles, and edits only when given the editor role too.
        var admin = await Host.LoginAsRoleAsync("admin");
        await Host.CreateAsync(admin, "lesson", ContentApi.Lesson("Beheerder mag niet"), 403);
        var email = $"beheer-{Guid.NewGuid():N}@example.nl";
        await Host.Scenario(s =>
        {
            s.Post.Json(new { email, displayName = "Beheerder en redacteur", password = "een-lang-wachtwoord", roles = new[] { "admin", "editor" } })
                .ToUrl("/api/community/accounts"); s.As(admin);
            s.StatusCodeShouldBe(201);
        });
        await Host.CreateAsync(await Host.LoginAsync(email, "een-lang-wachtwoord"), "lesson", ContentApi.Lesson("Met de rol van redacteur wel"));
    }

    [Fact]
    public async Task Bad_input_is_a_400_with_dutch_field_errors_and_unknown_items_a_404()
    {
        var eva = await Host.LoginAsRoleAsync("editor");
        var problem = (await Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                kind = "lesson",
                text = new { title = "", statement = "", body = "x", sources = new[] { new { title = "", kind = "roddel", link = "javascript:alert(1)" } } },
            }).ToUrl("/api/content/items"); s.As(eva);
            s.StatusCodeShouldBe(400);
        })).ShouldBeProblem(400);
        var errors = problem.GetProperty("errors");
        Assert.Equal("Vul een titel in.", errors.GetProperty("text.title")[0].GetString());
        Assert.True(errors.TryGetProperty("text.statement", out _));
        Assert.True(errors.TryGetProperty("text.sources[0].kind", out _));
        Assert.True(errors.TryGetProperty("text.sources[0].link", out _));

        (await Host.Scenario(s =>
        {
            s.Post.Json(new { kind = "gedicht", text = ContentApi.Lesson("x") }).ToUrl("/api/content/items"); s.As(eva);
            s.StatusCodeShouldBe(400);
        })).ShouldBeProblem(400);
        var unknownTheme = (await Host.Scenario(s =>
        {
            s.Post.Json(new { kind = "lesson", text = ContentApi.Lesson("x", themes: ["bestaat-niet"], sections: ["9.9"]) }).ToUrl("/api/content/items");
            s.As(eva);
            s.StatusCodeShouldBe(400);
        })).ShouldBeProblem(400);
        Assert.Contains("bestaat-niet", unknownTheme.GetProperty("errors").GetProperty("text.themes")[0].GetString());
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = 1 }).ToUrl($"/api/content/items/{Guid.NewGuid()}/submit"); s.As(eva);
            s.StatusCodeShouldBe(404);
        })).ShouldBeProblem(404);
        (await Host.Scenario(s => { s.Get.Url("/api/content/lessons/bestaat-niet"); s.StatusCodeShouldBe(404); })).ShouldBeProblem(404);
    }

    [Fact]
    public async Task A_section_number_is_used_once_and_lessons_belong_to_sections()
    {
        var (eva, ruud) = await EditorsAsync();
        await Host.PublishAsync(eva, ruud, "section", new { title = "Wat werkt", number = "7.1", body = "Over wat werkt." });
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { kind = "section", text = new { title = "Dubbel", number = "7.1", body = "" } }).ToUrl("/api/content/items"); s.As(eva);
            s.StatusCodeShouldBe(409);
        })).ShouldBeProblem(409);
        await Host.CreateAsync(eva, "section", new { title = "Zonder nummer", number = "zeven", body = "" }, 400);

        var lesson = await Host.PublishAsync(eva, ruud, "lesson", ContentApi.Lesson("Hoort bij 7.1", sections: ["7.1"]));
        var section = (await Host.Scenario(s => s.Get.Url("/api/content/sections/7.1"))).ReadAsJson<JsonElement>();
        Assert.Equal("Wat werkt", section.GetProperty("section").Str("title"));
        Assert.Contains(section.GetProperty("lessons").EnumerateArray(), l => l.Str("slug") == lesson.Str("slug"));
        Assert.Equal(404, await Host.StatusOfAsync("/api/content/sections/7.2"));
    }

    [Fact]
    public async Task Editors_manage_themes_with_events_and_optimistic_concurrency()
    {
        var eva = await Host.LoginAsRoleAsync("editor");
        var theme = (await Host.Scenario(s =>
        {
            s.Post.Json(new { name = "Leefbaarheid", description = "Schoon, heel en veilig.", reason = "nieuw thema" }).ToUrl("/api/content/themes");
            s.As(eva);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        Assert.Equal("leefbaarheid", theme.Str("slug"));
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { name = "leefbaarheid" }).ToUrl("/api/content/themes"); s.As(eva);
            s.StatusCodeShouldBe(409);
        })).ShouldBeProblem(409);

        var renamed = (await Host.Scenario(s =>
        {
            s.Put.Json(new { expectedVersion = theme.Version(), name = "Leefbaarheid en veiligheid" }).ToUrl($"/api/content/themes/{theme.Id()}");
            s.As(eva);
        })).ReadAsJson<JsonElement>();
        Assert.Equal("leefbaarheid", renamed.Str("slug"));
        (await Host.Scenario(s =>
        {
            s.Put.Json(new { expectedVersion = theme.Version(), name = "Oud" }).ToUrl($"/api/content/themes/{theme.Id()}"); s.As(eva);
            s.StatusCodeShouldBe(409);
        })).ShouldBeProblem(409);

        var themes = (await Host.Scenario(s => s.Get.Url("/api/content/themes"))).ReadAsJson<JsonElement[]>();
        Assert.Contains(themes, t => t.Str("slug") == "leefbaarheid" && t.Str("name") == "Leefbaarheid en veiligheid");
        var page = (await Host.Scenario(s => s.Get.Url("/themas"))).ReadAsText();
        Assert.Contains("Leefbaarheid en veiligheid", page);
    }

    [Fact]
    public async Task A_theme_is_removed_only_with_a_reason_and_only_when_no_item_uses_it()
    {
        var eva = await Host.LoginAsRoleAsync("editor");
        async Task<JsonElement> DefineAsync(string name) => (await Host.Scenario(s =>
        {
            s.Post.Json(new { name }).ToUrl("/api/content/themes"); s.As(eva);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        Task<IScenarioResult> RemoveAsync(JsonElement theme, string? reason, int status) => Host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = theme.Version(), reason }).ToUrl($"/api/content/themes/{theme.Id()}/remove"); s.As(eva);
            s.StatusCodeShouldBe(status);
        });

        var used = await DefineAsync("Groen in de wijk");
        var unused = await DefineAsync("Verlichting");
        await Host.CreateAsync(eva, "lesson", new { title = "Bomen planten met bewoners", statement = "Plant samen.", body = "Samen groen.", themes = new[] { used.Str("slug") } });

        (await RemoveAsync(unused, null, 400)).ShouldBeProblem(400);
        var inUse = (await RemoveAsync(used, "dubbel", 409)).ShouldBeProblem(409);
        Assert.Contains("Bomen planten met bewoners", inUse.Str("detail"));
        Assert.Equal(200, await Host.StatusOfAsync("/themas/" + used.Str("slug")));

        await RemoveAsync(unused, "wordt niet gebruikt", 204);
        Assert.Equal(404, await Host.StatusOfAsync("/themas/verlichting"));
        var themes = (await Host.Scenario(s => s.Get.Url("/api/content/themes"))).ReadAsJson<JsonElement[]>();
        Assert.DoesNotContain(themes, t => t.Str("slug") == "verlichting");
        (await RemoveAsync(unused, "nog eens", 404)).ShouldBeProblem(404);

        // The stream keeps the history with the reason; the name may be used again for a new theme.
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(unused.Id());
        Assert.Equal("ThemeRemoved", events[^1].EventType.Name);
        Assert.Equal("wordt niet gebruikt", events[^1].Headers?["reason"]?.ToString());
        await DefineAsync("Verlichting");
    }
}
