using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Tests.Integration.Audit;
using Wijkengids.Tests.Integration.Content;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>
/// The scenarios of every module on a fresh database: each module writes events and fills its read models. With
/// WIJKENGIDS_UPGRADE_FIXTURE set, the database is then also written as an upgrade fixture (Fixtures/make-upgrade-fixture.sh).
/// </summary>
public sealed class ScenarioTests
{
    /// <summary>Event types (as stored) that the journeys of each module must have written, per module as the timeline names it.</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["content"] =
        [
            "theme_defined", "theme_changed", "item_created", "draft_saved", "submitted_for_review", "changes_requested", "review_approved",
            "item_published", "revision_restored", "edition_composed", "edition_released",
        ],
        ["contributions"] =
        [
            "reaction_received", "reaction_published", "reaction_answered", "reaction_marked_as_spam", "reaction_handled", "proposal_submitted",
            "proposal_information_requested", "proposal_resubmitted", "proposal_accepted_by_editor", "proposal_rejected",
        ],
        ["community"] =
        [
            "account_opened", "account_role_granted", "account_deactivated", "account_reactivated", "account_registered", "account_email_confirmed",
            "account_renamed", "account_password_set", "subscription_requested", "subscription_confirmed", "organisation_registered",
            "organisation_changed", "person_registered", "person_details_changed", "person_role_added", "area_registered", "area_changed", "account_erased",
        ],
        ["workshops"] =
        [
            "format_defined", "session_scheduled", "session_rescheduled", "session_cancelled", "booking_requested", "booking_confirmed",
            "booking_waitlisted", "booking_promoted", "booking_cancelled", "co_financing_granted", "co_financing_refused", "action_plan_recorded",
            "action_plan_revised", "action_status_changed", "action_plan_publication_consented",
        ],
        ["audit"] = ["audit_timeline_searched", "audit_provenance_viewed", "audit_chain_verified"],
    };

    [Fact]
    public async Task Every_module_writes_events_and_fills_its_read_models_from_the_scenarios()
    {
        var connection = await TestDatabase.CreateDatabaseAsync("scenarios");
        ScenarioOutcome result;
        await using (var host = await AppFactory.StartOnAsync(connection, services: Scenarios.Services))
        {
            result = await Scenarios.FillEveryModuleAsync(host);
            Assert.True(result.SequenceAfter > result.SequenceBefore);

            // Every module wrote the events of its journeys (the timeline names each event's module).
            var auditor = await host.LoginAsRoleAsync("auditor");
            await host.TimelineWhenAsync(auditor, "limit=1", t => t.Positions.FirstOrDefault() >= result.SequenceAfter);
            var written = await WrittenSinceAsync(host, result.SequenceBefore);
            foreach (var (module, bare) in Expected)
            {
                // Stored under the stable, module-prefixed name (docs/adr/0090).
                var types = bare.Select(t => $"{module}.{t}").ToArray();
                Assert.True(written.TryGetValue(module, out var seen), $"Geen events van module {module}.");
                Assert.True(!types.Except(seen!).Any(),
                    $"Module {module} schreef niet: {string.Join(", ", types.Except(seen!))}; wel: {string.Join(", ", seen!.Order())}");
                var page = await host.TimelineAsync(auditor, $"module={module}&limit=1");
                Assert.True(page.Positions.Single() > result.SequenceBefore, $"De tijdlijn van {module} heeft niets uit de scenario's.");
            }

            await AssertContentAsync(host, result);
            await AssertContributionsAsync(host, result);
            await AssertCommunityAsync(host, result);
            await AssertWorkshopsAsync(host, result);

            var verified = await host.VerifiedThroughAsync(auditor, result.SequenceAfter);
            Assert.True(verified.GetProperty("intact").GetBoolean(), verified.GetRawText());

            // Proof by rebuild: every read model of every module comes back the same from the events alone (docs/adr/0089).
            if (FixturePath() is null)
            {
                Assert.True(await ReadModels.AssertEveryProjectionRebuildsAsync(host.Services.GetRequiredService<Marten.IDocumentStore>()) > 100);
            }

            if (FixturePath() is not null) await UpgradeFixtures.WaitUntilSettledAsync(host);
        }

        // Made with the host stopped, so nothing is written while pg_dump reads.
        if (FixturePath() is { } path) await UpgradeFixtures.WriteAsync(connection, path, result);
    }

    private static string? FixturePath() =>
        Environment.GetEnvironmentVariable(UpgradeFixtures.FixtureVariable) is { Length: > 0 } path ? path : null;

    /// <summary>Per module (as the timeline classifies it), the event types stored after <paramref name="sequence"/>.</summary>
    private static async Task<Dictionary<string, HashSet<string>>> WrittenSinceAsync(IAlbaHost host, long sequence)
    {
        var written = new Dictionary<string, HashSet<string>>();
        var rows = await host.ScalarAsync<string>(
            "select coalesce(string_agg(distinct module || ':' || event_type, ','), '') from audit.timeline where seq > $1", sequence);
        foreach (var row in rows.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (module, type) = (row[..row.IndexOf(':')], row[(row.IndexOf(':') + 1)..]);
            if (!written.TryGetValue(module, out var types)) written[module] = types = [];
            types.Add(type);
        }
        return written;
    }

    private static async Task AssertContentAsync(IAlbaHost host, ScenarioOutcome result)
    {
        var content = result.Content;
        var section = (await host.Scenario(s => s.Get.Url($"/api/content/sections/{content.SectionNumber}"))).ReadAsJson<JsonElement>();
        Assert.Equal(content.SectionTitle, section.GetProperty("section").Str("title"));
        Assert.Contains(section.GetProperty("lessons").EnumerateArray(), l => l.Str("slug") == content.LessonSlug);
        Assert.Contains(section.GetProperty("lessons").EnumerateArray(), l => l.Str("slug") == content.RevertedLessonSlug);

        var lesson = (await host.Scenario(s => s.Get.Url($"/api/content/lessons/{content.LessonSlug}"))).ReadAsJson<JsonElement>();
        Assert.Contains("gemeente Schiedam", lesson.GetProperty("lesson").Str("bodyHtml")); // the accepted proposal's text, published
        Assert.Equal(result.Contributions.AcceptedProposalId.ToString(), lesson.GetProperty("lesson").GetProperty("contributions")[0].Str("proposalId"));
        var reverted = (await host.Scenario(s => s.Get.Url($"/api/content/lessons/{content.RevertedLessonSlug}"))).ReadAsJson<JsonElement>();
        Assert.Contains("Meet samen met bewoners", reverted.GetProperty("lesson").Str("bodyHtml"));

        Assert.Contains((await host.Scenario(s => s.Get.Url("/api/content/themes"))).ReadAsJson<JsonElement[]>(),
            t => t.Str("slug") == content.ThemeSlug && t.Str("name") == "Leefbaarheid en veiligheid");
        Assert.Contains((await host.Scenario(s => s.Get.Url("/api/content/news"))).ReadAsJson<JsonElement[]>(), n => n.Str("slug") == content.NewsSlug);
        var editions = (await host.Scenario(s => s.Get.Url("/api/content/editions"))).ReadAsText();
        Assert.Contains(content.FirstEditionTitle, editions);
        Assert.Contains(content.SecondEditionTitle, editions);
        Assert.Equal(content.FirstEdition + 1, content.SecondEdition);

        var eva = await host.LoginAsRoleAsync("editor");
        var drafts = (await host.Scenario(s => { s.Get.Url("/api/content/items?kind=lesson&status=draft"); s.As(eva); })).ReadAsJson<JsonElement[]>();
        Assert.Contains(drafts, d => d.Id() == result.Contributions.NewLessonDraftId);
    }

    private static async Task AssertContributionsAsync(IAlbaHost host, ScenarioOutcome result)
    {
        var contributions = result.Contributions;
        var published = (await host.Scenario(s => s.Get.Url($"/api/contributions/reactions?about=sectie:{result.Content.SectionNumber}")))
            .ReadAsJson<JsonElement[]>();
        Assert.Equal([contributions.PublishedReactionMessage], published.Select(r => r.Str("message")).ToArray());

        var eva = await host.LoginAsRoleAsync("editor");
        var reactions = (await host.Scenario(s => { s.Get.Url("/api/contributions/moderation/reactions?status=alle"); s.As(eva); }))
            .ReadAsJson<JsonElement[]>().ToDictionary(r => r.Id(), r => r.Str("status"));
        Assert.Equal("gepubliceerd", reactions[contributions.PublishedReactionId]);
        Assert.Equal("gepubliceerd", reactions[contributions.AnsweredReactionId]);
        var underLesson = (await host.Scenario(s => s.Get.Url($"/api/contributions/reactions?about=les:{result.Content.LessonSlug}")))
            .ReadAsJson<JsonElement[]>();
        Assert.Equal("Ja, de les geldt ook voor kleine kernen.", underLesson.Single(r => r.Id() == contributions.AnsweredReactionId).Str("answer"));
        Assert.Equal("spam", reactions[contributions.SpamReactionId]);
        Assert.Equal("afgehandeld", reactions[contributions.HandledReactionId]);

        var proposals = (await host.Scenario(s => { s.Get.Url("/api/contributions/moderation/proposals?status=alle"); s.As(eva); }))
            .ReadAsJson<JsonElement[]>().ToDictionary(p => p.Id());
        Assert.Equal("geaccepteerd", proposals[contributions.AcceptedProposalId].Str("status"));
        Assert.Equal("geaccepteerd", proposals[contributions.NewLessonProposalId].Str("status"));
        Assert.Equal("afgewezen", proposals[contributions.RejectedProposalId].Str("status"));
        // The erased contributor's proposal stays, without their name.
        Assert.Equal("[gewist]", proposals[contributions.RejectedProposalId].Str("proposerName"));
    }

    private static async Task AssertCommunityAsync(IAlbaHost host, ScenarioOutcome result)
    {
        var community = result.Community;
        var admin = await host.LoginAsRoleAsync("admin");
        var accounts = (await host.Scenario(s => { s.Get.Url("/api/community/accounts"); s.As(admin); })).ReadAsJson<JsonElement[]>()
            .ToDictionary(a => a.Id());
        Assert.Equal(["editor"], accounts[community.SecondEditorId].GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        var changed = accounts[community.ChangedAccountId];
        Assert.True(changed.GetProperty("active").GetBoolean());
        Assert.Equal(["contributor", "organiser"], changed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).Order().ToArray());
        Assert.Equal("Rita R.", accounts[community.RegisteredAccountId].Str("displayName"));
        Assert.DoesNotContain(accounts.Values, a => a.Str("email") == community.ErasedEmail);
        await host.LoginAsync(community.RegisteredEmail, community.RegisteredPassword);

        Assert.Contains((await host.Scenario(s => s.Get.Url("/api/community/people"))).ReadAsJson<JsonElement[]>(),
            p => p.Id() == community.PersonId && p.Str("organisationName") == community.OrganisationName);
        Assert.Contains((await host.Scenario(s => s.Get.Url("/api/community/organisations"))).ReadAsJson<JsonElement[]>(),
            o => o.Id() == community.OrganisationId && o.Str("name") == "Wijkcoöperatie Groenoord-Noord");
        var areas = (await host.Scenario(s => s.Get.Url("/api/community/areas"))).ReadAsJson<JsonElement[]>().ToDictionary(a => a.Id());
        Assert.Equal("Schiedam", areas[community.NeighbourhoodId].Str("parentName"));
        Assert.Equal(community.RegionName, areas[community.MovedMunicipalityId].Str("parentName"));
        Assert.NotEmpty((await host.Scenario(s => { s.Get.Url("/api/community/mailings"); s.As(admin); })).ReadAsJson<JsonElement>().EnumerateArray());
    }

    private static async Task AssertWorkshopsAsync(IAlbaHost host, ScenarioOutcome result)
    {
        var workshops = result.Workshops;
        Assert.Contains((await host.Scenario(s => s.Get.Url("/api/workshops/formats"))).ReadAsJson<JsonElement[]>(),
            f => f.Str("slug") == workshops.FormatSlug && f.Str("title") == workshops.FormatTitle);
        var sessions = (await host.Scenario(s => s.Get.Url($"/api/workshops/sessions?format={workshops.FormatSlug}"))).ReadAsJson<JsonElement[]>();
        Assert.Equal([workshops.HeldSessionId, workshops.MovedSessionId], sessions.Select(x => x.Id()).ToArray());

        var organiser = await host.LoginAsRoleAsync("organiser");
        var bookings = (await host.Scenario(s => { s.Get.Url("/api/workshops/bookings"); s.As(organiser); })).ReadAsJson<JsonElement[]>()
            .ToDictionary(b => b.Id(), b => b.Str("status"));
        Assert.Equal("bevestigd", bookings[workshops.PlanBookingId]);
        Assert.Equal("geannuleerd", bookings[workshops.CancelledBookingId]);
        Assert.Equal("bevestigd", bookings[workshops.PromotedBookingId]);
        Assert.Equal("bevestigd", bookings[workshops.AssignedBookingId]);
        Assert.Equal("geannuleerd", bookings[workshops.RefusedBookingId]);

        var status = (await host.Scenario(s => s.Get.Url($"/api/workshops/bookings/status/{workshops.PlanBookingToken}"))).ReadAsJson<JsonElement>();
        Assert.Equal(750m, status.GetProperty("coFinancingGranted").GetDecimal());
        var plans = (await host.Scenario(s => s.Get.Url($"/api/workshops/areas/{workshops.PlanAreaId}/plans"))).ReadAsJson<JsonElement[]>();
        var plan = Assert.Single(plans);
        Assert.Equal(["bezig", "open"], plan.GetProperty("actions").EnumerateArray().Select(a => a.Str("status")).ToArray());
    }
}
