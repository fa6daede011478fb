using System.Text.Json;
using Alba;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wijkengids.Community.Contracts;
using Wijkengids.Tests.Integration.Audit;
using Wijkengids.Tests.Integration.Content;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>
/// The database today's code made (Fixtures/upgrade-2026-12.sql.gz, docs/adr/0088), restored into a new database with psql and
/// opened by the current host: the restore itself is checked before the host starts.
/// </summary>
public sealed class UpgradeFixture2026 : IAsyncLifetime
{
    public const string Name = "upgrade-2026-12";

    public IAlbaHost Host { get; private set; } = null!;

    public string Connection { get; private set; } = "";

    /// <summary>The manifest written with the fixture: counts, and the ids, slugs and tokens of the scenarios.</summary>
    public JsonElement Manifest { get; private set; }

    /// <summary>Events, streams and the last position as restored, before the host started.</summary>
    public (long Events, long Streams, long MaxSequence) Restored { get; private set; }

    public long MaxSequence => Manifest.GetProperty("maxSequence").GetInt64();

    public JsonElement Scenario(string module) => Manifest.GetProperty("scenario").GetProperty(module);

    public async Task InitializeAsync()
    {
        var path = UpgradeFixtures.PathOf(Name);
        Assert.True(File.Exists(path), $"De fixture ontbreekt: {path}");
        Manifest = JsonDocument.Parse(await File.ReadAllTextAsync(UpgradeFixtures.ManifestPathOf(path))).RootElement;
        Connection = await TestDatabase.CreateDatabaseAsync("upgrade");
        await UpgradeFixtures.RestoreAsync(Connection, path);
        Restored = await UpgradeFixtures.TotalsAsync(Connection);
        Host = await AppFactory.StartOnAsync(Connection);
    }

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
    }
}

/// <summary>Today's code opens a database made by the code of December 2026: old history readable, the site working.</summary>
public sealed class UpgradeTests(UpgradeFixture2026 fixture) : IClassFixture<UpgradeFixture2026>
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task The_fixture_restores_with_every_event_and_stream_its_manifest_counts()
    {
        Assert.Equal(fixture.Manifest.GetProperty("events").GetInt64(), fixture.Restored.Events);
        Assert.Equal(fixture.Manifest.GetProperty("streams").GetInt64(), fixture.Restored.Streams);
        Assert.Equal(fixture.MaxSequence, fixture.Restored.MaxSequence);
        // The scenarios wrote into every module (the counts come from the timeline of the fixture's own database).
        var modules = fixture.Manifest.GetProperty("modules");
        foreach (var module in new[] { "audit", "community", "content", "contributions", "workshops" })
        {
            Assert.True(modules.GetProperty(module).GetProperty("events").GetInt64() > 0, module);
        }

        // And the current host reads the same counts per module, for the positions of the fixture.
        await TimelineCoversFixtureAsync();
        var counts = await UpgradeFixtures.CountsByModuleAsync(fixture.Connection, fixture.MaxSequence);
        Assert.Equal(modules.EnumerateObject().Select(m => m.Name).Order(StringComparer.Ordinal), counts.Keys);
        foreach (var (module, (streams, events)) in counts)
        {
            Assert.Equal(modules.GetProperty(module).GetProperty("events").GetInt64(), events);
            Assert.Equal(modules.GetProperty(module).GetProperty("streams").GetInt64(), streams);
        }
    }

    [Fact]
    public async Task Every_stored_event_loads_through_its_stream_with_a_known_type()
    {
        var stored = new Dictionary<long, (Guid? Stream, string Type)>();
        await using (var db = new NpgsqlConnection(fixture.Connection))
        {
            await db.OpenAsync();
            await using var command = new NpgsqlCommand("select seq_id, stream_id, type from events.mt_events where seq_id <= $1", db);
            command.Parameters.AddWithValue(fixture.MaxSequence);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) stored[reader.GetInt64(0)] = (reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2));
        }
        Assert.Equal(fixture.Restored.Events, stored.Count);
        Assert.All(stored.Values, e => Assert.NotNull(e.Stream));

        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var loaded = new Dictionary<long, IEvent>();
        await using (var session = store.QuerySession())
        {
            foreach (var stream in stored.Values.Select(e => e.Stream!.Value).Distinct())
            {
                // An event whose stored type name no longer resolves makes this throw (see the check below).
                foreach (var e in await session.Events.FetchStreamAsync(stream))
                {
                    if (e.Sequence <= fixture.MaxSequence) loaded[e.Sequence] = e;
                }
            }
        }
        Assert.Equal(stored.Keys.Order(), loaded.Keys.Order());
        Assert.All(loaded.Values, e =>
        {
            Assert.NotNull(e.Data);
            Assert.Equal(stored[e.Sequence].Type, e.EventTypeName);
            Assert.Equal(stored[e.Sequence].Stream, e.StreamId);
            // Deserialized as the registered .NET type of that name, not as a placeholder.
            Assert.StartsWith("Wijkengids.", e.Data.GetType().FullName);
            Assert.Equal(e.EventType, e.Data.GetType());
        });
    }

    [Fact]
    public async Task Marten_refuses_a_stream_with_an_unknown_event_type_so_the_load_check_has_teeth()
    {
        // An event whose type the code does not know, inside a transaction that is rolled back: nothing else ever sees it.
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using var db = new NpgsqlConnection(fixture.Connection);
        await db.OpenAsync();
        await using var transaction = await db.BeginTransactionAsync();
        var stream = Guid.NewGuid();
        await using (var batch = new NpgsqlBatch(db, transaction))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("insert into events.mt_streams (id, type, version) values ($1, null, 1)")
            {
                Parameters = { new NpgsqlParameter { Value = stream } },
            });
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                """
                insert into events.mt_events (seq_id, id, stream_id, version, data, type, mt_dotnet_type, timestamp)
                values (9000000000000000000, $1, $2, 1, '{"Whatever": 1}'::jsonb, 'event_of_a_later_version',
                        'Wijkengids.Later.EventOfALaterVersion, Wijkengids.Later', now())
                """)
            {
                Parameters = { new NpgsqlParameter { Value = Guid.NewGuid() }, new NpgsqlParameter { Value = stream } },
            });
            await batch.ExecuteNonQueryAsync();
        }
        await using var session = store.QuerySession(SessionOptions.ForTransaction(transaction));
        // Marten resolves a stored event by its type name (alias), then by its stored .NET type name; when neither resolves, the
        // whole stream fails to load with UnknownEventTypeException. (Only the async daemon may skip such events; the timeline
        // count in The_timeline_has_an_entry_for_every_event_and_the_chain_verifies would show that.)
        var refused = await Assert.ThrowsAsync<Marten.Exceptions.UnknownEventTypeException>(() => session.Events.FetchStreamAsync(stream));
        Assert.Contains("Wijkengids.Later.EventOfALaterVersion", refused.Message);
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task The_timeline_has_an_entry_for_every_event_and_the_chain_verifies()
    {
        await TimelineCoversFixtureAsync();
        var auditor = await Host.LoginAsRoleAsync("auditor");

        // Page through the API from the oldest entry; the reads themselves add look events after the fixture's positions.
        var positions = new List<long>();
        long? after = null;
        while (true)
        {
            var page = await Host.TimelineAsync(auditor, "order=oldest&limit=500" + (after is { } a ? $"&after={a}" : ""));
            positions.AddRange(page.Positions.Where(p => p <= fixture.MaxSequence));
            if (page.Positions.Length == 0 || page.Positions.Max() > fixture.MaxSequence || page.NewerAfter is null) break;
            after = page.NewerAfter;
        }
        Assert.Equal(fixture.Restored.Events, positions.Count);
        Assert.Equal(positions.Count, positions.Distinct().Count());
        var modules = fixture.Manifest.GetProperty("modules");
        foreach (var module in modules.EnumerateObject())
        {
            var first = await Host.TimelineAsync(auditor, $"module={module.Name}&order=oldest&limit=1");
            Assert.True(first.Positions.Single() <= fixture.MaxSequence, module.Name);
        }

        var verified = await Host.VerifiedThroughAsync(auditor, fixture.MaxSequence);
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.GetRawText());
        Assert.True(verified.GetProperty("checked").GetInt64() >= fixture.Restored.Events, verified.GetRawText());
        Assert.Equal(0, verified.GetProperty("breakCount").GetInt64());
    }

    [Fact]
    public async Task Public_pages_serve_the_content_of_the_fixture()
    {
        var content = fixture.Scenario("content");
        var community = fixture.Scenario("community");
        var workshops = fixture.Scenario("workshops");

        var home = await PageAsync("/");
        Assert.Contains("De wijkengids?", home);
        Assert.Contains("minister Spies", home);

        var guide = await PageAsync("/gids");
        Assert.Contains(content.Str("sectionTitle"), guide);
        Assert.Contains($"href=\"/gids/{content.Str("sectionNumber")}\"", guide);
        var section = await PageAsync($"/gids/{content.Str("sectionNumber")}");
        Assert.Contains(content.Str("lessonTitle"), section);
        Assert.Contains(content.Str("revertedLessonTitle"), section);
        Assert.Contains(fixture.Scenario("contributions").Str("publishedReactionMessage"), section);

        var lesson = await PageAsync($"/lessen/{content.Str("lessonSlug")}");
        Assert.Contains(content.Str("lessonTitle"), lesson);
        Assert.Contains("gemeente Schiedam", lesson); // the revision that came from the accepted proposal
        Assert.Contains("Met bijdragen van Bram Bijdrager.", lesson); // a sealed name: the vault's keys open with the master key
        Assert.Contains(content.Str("themeName"), await PageAsync($"/themas/{content.Str("themeSlug")}"));
        Assert.Contains(content.Str("newsTitle"), await PageAsync($"/nieuws/{content.Str("newsSlug")}"));

        var updates = await PageAsync("/updates");
        Assert.Contains(content.Str("firstEditionTitle"), updates);
        Assert.Contains(content.Str("secondEditionTitle"), updates);
        Assert.Contains(content.Str("lessonTitle"), await PageAsync($"/updates/{content.GetProperty("secondEdition").GetInt32()}"));

        var people = await PageAsync("/mensen");
        Assert.Contains(community.Str("personName"), people);
        Assert.Contains(community.Str("organisationName"), await PageAsync("/organisaties"));

        Assert.Contains(workshops.Str("formatTitle"), await PageAsync("/werkateliers"));
        Assert.Contains(workshops.Str("formatTitle"), await PageAsync($"/werkateliers/{workshops.Str("formatSlug")}"));
        var area = await PageAsync($"/gebieden/{workshops.Str("planAreaId")}");
        Assert.Contains(community.Str("neighbourhoodName"), area);
        Assert.Contains(workshops.Str("planActionDescription"), area);

        // The requester's private status page and plan, by the token in the fixture.
        Assert.Contains(workshops.Str("formatTitle"), await PageAsync($"/werkateliers/aanvraag/{workshops.Str("planBookingToken")}"));
        Assert.Contains(workshops.Str("planActionDescription"), await PageAsync($"/werkateliers/aanvraag/{workshops.Str("planBookingToken")}/plan"));
    }

    [Fact]
    public async Task The_development_accounts_and_the_accounts_of_the_fixture_sign_in()
    {
        foreach (var (email, role, name) in DevAccounts.All)
        {
            var cookie = await Host.LoginAsync(email);
            var me = (await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); })).ReadAsJson<JsonElement>();
            Assert.Equal(name, me.Str("displayName"));
            Assert.Contains(role, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        }
        var community = fixture.Scenario("community");
        var ruud = await Host.LoginAsync(community.Str("secondEditorEmail"), Scenarios.OpenedPassword);
        Assert.Equal(community.Str("secondEditorName"),
            (await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(ruud); })).ReadAsJson<JsonElement>().Str("displayName"));
        var rita = await Host.LoginAsync(community.Str("registeredEmail"), community.Str("registeredPassword"));
        Assert.Equal(community.Str("registeredName"),
            (await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(rita); })).ReadAsJson<JsonElement>().Str("displayName"));
        // The erased contributor stays erased.
        await Host.Scenario(s =>
        {
            s.Post.Json(new { email = community.Str("erasedEmail"), password = Scenarios.OpenedPassword }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task A_new_revision_on_a_lesson_of_the_fixture_is_written_reviewed_and_published_and_the_chain_still_verifies()
    {
        var content = fixture.Scenario("content");
        var eva = await Host.LoginAsRoleAsync("editor");
        var ruud = await Host.LoginAsync(fixture.Scenario("community").Str("secondEditorEmail"), Scenarios.OpenedPassword);
        var lessonId = content.Str("lessonId");
        var current = (await Host.Scenario(s => { s.Get.Url($"/api/content/items/{lessonId}"); s.As(eva); })).ReadAsJson<JsonElement>();
        Assert.Equal("published", current.Str("status"));
        var revision = current.GetProperty("revision").GetInt32();
        var before = await Host.SequencesOfAsync(Guid.Parse(lessonId));
        Assert.Equal(before.Length, current.Version());

        var text = current.GetProperty("text");
        var body = text.Str("body") + "\n\nNa de upgrade aangevuld.";
        var draft = await Host.SaveDraftAsync(eva, current, new
        {
            title = text.Str("title"), statement = text.Str("statement"), body, themes = text.GetProperty("themes"), sections = text.GetProperty("sections"),
            sources = text.GetProperty("sources"),
        }, reason: "aanvulling na de upgrade");
        Assert.Equal(revision + 1, draft.GetProperty("revision").GetInt32());
        Assert.Equal(current.Version() + 1, draft.Version());
        draft = await Host.StepAsync(eva, draft, "submit");
        draft = await Host.StepAsync(ruud, draft, "approve");
        var published = await Host.StepAsync(ruud, draft, "publish", reason: "na de upgrade");
        Assert.Equal(revision + 1, published.GetProperty("publishedRevision").GetInt32());
        Assert.Contains("Na de upgrade aangevuld.", (await Host.Scenario(s => s.Get.Url($"/lessen/{content.Str("lessonSlug")}"))).ReadAsText());

        // The old events and the new ones are one stream, and the chain covers both.
        var after = await Host.SequencesOfAsync(Guid.Parse(lessonId));
        Assert.Equal(before, after[..before.Length]);
        Assert.All(after[before.Length..], s => Assert.True(s > fixture.MaxSequence));
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var verified = await Host.VerifiedThroughAsync(auditor, after[^1]);
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.GetRawText());

        // A stream of another module, too: the contact updates an action of the fixture's plan van aanpak by the private link.
        var workshops = fixture.Scenario("workshops");
        var plan = (await Host.Scenario(s => s.Get.Url($"/api/workshops/plans/link/{workshops.Str("planBookingToken")}"))).ReadAsJson<JsonElement>();
        var updated = (await Host.Scenario(s =>
        {
            s.Post.Json(new { status = "gereed", expectedVersion = plan.Version() })
                .ToUrl($"/api/workshops/plans/link/{workshops.Str("planBookingToken")}/actions/{workshops.Str("planActionId")}/status");
            s.StatusCodeShouldBe(200);
        })).ReadAsJson<JsonElement>();
        Assert.Equal("gereed", updated.GetProperty("actions").EnumerateArray().Single(a => a.Str("id") == workshops.Str("planActionId")).Str("status"));
        var chained = await Host.VerifiedThroughAsync(auditor, await Host.LastSequenceAsync());
        Assert.True(chained.GetProperty("intact").GetBoolean(), chained.GetRawText());
    }

    [Fact]
    public async Task The_moderation_log_lists_the_decisions_made_before_it_existed_from_their_events()
    {
        // Built once at start from the old events: the reactions' decisions with their default reasons, the rejection
        // (made before reason codes) as "niet vastgelegd"; and no contributor's name anywhere.
        var log = (await Host.Scenario(s => s.Get.Url("/api/contributions/moderation-log"))).ReadAsJson<JsonElement>();
        var decisions = log.GetProperty("entries").EnumerateArray().Select(e => (e.Str("decision"), e.Str("reason"))).ToList();
        Assert.Contains(("gepubliceerd", "relevant voor lezers"), decisions);
        Assert.Contains(("spam", "spam"), decisions);
        Assert.Contains(("afgehandeld", "beantwoord"), decisions);
        Assert.Contains(("geaccepteerd", "opgenomen"), decisions);
        Assert.Contains(("afgewezen", "niet vastgelegd"), decisions);
        Assert.DoesNotContain("Lia Lezer", log.GetRawText());
        // Every old contribution has its record, so a second start finds nothing to build.
        Assert.Equal(0, await Host.ScalarAsync<long>(
            "select count(*) from contributions.mt_doc_reactionview r where not exists (select 1 from contributions.mt_doc_moderationrecord m where m.id = r.id)"));
        Assert.Equal(0, await Host.ScalarAsync<long>(
            "select count(*) from contributions.mt_doc_proposalview p where not exists (select 1 from contributions.mt_doc_moderationrecord m where m.id = p.id)"));
    }

    [Fact]
    public async Task Events_stored_under_their_bare_names_load_by_alias_and_the_timeline_lists_them_by_their_stable_names()
    {
        // The fixture's events keep the names they were stored and chained with.
        Assert.Equal(0, await Host.ScalarAsync<long>(
            $"select count(*) from events.mt_events where seq_id <= {fixture.MaxSequence} and position('.' in type) > 0"));
        Assert.True(await Host.ScalarAsync<long>("select count(*) from events.mt_events where type = 'reaction_received'") > 0);
        // The timeline names every module event by its stable name, the old rows included.
        await TimelineCoversFixtureAsync();
        Assert.Equal(0, await Host.ScalarAsync<long>(
            "select count(*) from audit.timeline where position('.' in event_type) = 0 and module in ('content', 'contributions', 'community', 'workshops', 'audit')"));
        Assert.True(await Host.ScalarAsync<long>("select count(*) from audit.timeline where event_type = 'contributions.reaction_received'") > 0);
    }

    [Fact]
    public async Task Read_models_of_event_sourced_aggregates_rebuild_from_the_fixtures_events_as_the_old_code_stored_them()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var reactions = await ReadModels.SnapshotAsync<Wijkengids.Contributions.Reactions.ReactionView>(store, r => r.Id);
        var proposals = await ReadModels.SnapshotAsync<Wijkengids.Contributions.Proposals.ProposalView>(store, p => p.Id);
        Assert.NotEmpty(reactions);
        Assert.NotEmpty(proposals);
        // The base text a proposal started from was only in its read model: the upgrade recorded it as an event.
        Assert.Contains(proposals.Values, p => p.GetProperty("BaseBody").ValueKind == JsonValueKind.String);

        await ReadModels.RebuildAsync<Wijkengids.Contributions.Reactions.ReactionView>(store, "ReactionView");
        await ReadModels.RebuildAsync<Wijkengids.Contributions.Proposals.ProposalView>(store, "ProposalView");

        ReadModels.AssertSame(reactions, await ReadModels.SnapshotAsync<Wijkengids.Contributions.Reactions.ReactionView>(store, r => r.Id));
        ReadModels.AssertSame(proposals, await ReadModels.SnapshotAsync<Wijkengids.Contributions.Proposals.ProposalView>(store, p => p.Id));
    }

    [Fact]
    public async Task Every_read_model_of_the_upgraded_fixture_rebuilds_from_its_events_alone()
    {
        // The upgrade steps (recorded facts, pruned log entries, repaired ledgers) ran at start; from here the events are the truth.
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        // Two kinds of document of before differ from a rebuild only in what today's types do not read: subscriptions lack
        // the choices of docs/adr/0098 (a rebuild writes their defaults) and formats still carry their trainers' names (read
        // from the directory now). Rebuilt first, compared as today's code reads them, so that this proof does not depend on
        // whether the module tests of this class ran before it and rebuilt them.
        var subscriptions = await ReadModels.SnapshotAsync<Wijkengids.Community.Subscriptions.SubscriptionView>(store, v => v.Id);
        var formats = await ReadModels.SnapshotAsync<Wijkengids.Workshops.Formats.WorkshopFormat>(store, f => f.Id);
        await ReadModels.RebuildAsync<Wijkengids.Community.Subscriptions.SubscriptionView>(store, "SubscriptionView");
        await ReadModels.RebuildAsync<Wijkengids.Workshops.Formats.WorkshopFormat>(store, "WorkshopFormat");
        ReadModels.AssertSame(subscriptions, await ReadModels.SnapshotAsync<Wijkengids.Community.Subscriptions.SubscriptionView>(store, v => v.Id));
        ReadModels.AssertSame(formats, await ReadModels.SnapshotAsync<Wijkengids.Workshops.Formats.WorkshopFormat>(store, f => f.Id));

        var compared = await ReadModels.AssertEveryProjectionRebuildsAsync(store);
        Assert.True(compared > 100, $"{compared} documenten vergeleken");
    }

    [Fact]
    public async Task The_provenance_of_a_fixture_lesson_reads_the_old_events_through_their_declared_contracts()
    {
        await TimelineCoversFixtureAsync();
        var content = fixture.Scenario("content");
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var provenance = (await Host.Scenario(s =>
        {
            s.Get.Url($"/api/audit/items/{content.Str("lessonId")}/provenance"); s.As(auditor);
            s.StatusCodeShouldBe(200);
        })).ReadAsJson<JsonElement>();

        // Revisions written by drafts, with their text, the later steps on them, and the one that came from the accepted proposal.
        var revisions = provenance.GetProperty("revisions").EnumerateArray().ToArray();
        Assert.True(revisions.Length >= 2, provenance.GetRawText());
        Assert.Equal(Enumerable.Range(1, revisions.Length), revisions.Select(r => r.GetProperty("number").GetInt32()));
        Assert.All(revisions, r => Assert.False(string.IsNullOrWhiteSpace(r.Str("text"))));
        Assert.Contains(revisions, r => r.GetProperty("steps").EnumerateArray().Any(s => s.Str("description").Contains("gepubliceerd")));
        var fromProposal = Assert.Single(revisions, r => r.GetProperty("contribution").ValueKind == JsonValueKind.Object);
        Assert.True(Guid.TryParse(fromProposal.GetProperty("contribution").Str("proposalId"), out _));
        // The editions of the fixture that listed the lesson, with the revision each carried.
        var editions = provenance.GetProperty("editions").EnumerateArray().ToArray();
        Assert.NotEmpty(editions);
        Assert.All(editions, e => Assert.Contains(e.GetProperty("revision").GetInt32(), revisions.Select(r => r.GetProperty("number").GetInt32())));
    }

    [Fact]
    public async Task Workshops_read_models_rebuild_from_the_fixtures_events_as_the_old_code_stored_them()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var workshops = fixture.Scenario("workshops");
        var formats = await ReadModels.SnapshotAsync<Wijkengids.Workshops.Formats.WorkshopFormat>(store, f => f.Id);
        var sessions = await ReadModels.SnapshotAsync<Wijkengids.Workshops.Sessions.WorkshopSession>(store, s => s.Id);
        var bookings = await ReadModels.SnapshotAsync<Wijkengids.Workshops.Bookings.Booking>(store, b => b.Id);
        var plans = await ReadModels.SnapshotAsync<Wijkengids.Workshops.ActionPlans.ActionPlan>(store, p => p.Id);
        Assert.NotEmpty(formats);
        Assert.NotEmpty(sessions);
        Assert.NotEmpty(plans);
        // The private link and the format's title were only in the bookings' read model: the upgrade recorded them as events.
        Assert.All(bookings.Values, b => Assert.Equal(JsonValueKind.String, b.GetProperty("TokenHash").ValueKind));
        // The old code counted a promotion twice in the session's snapshot; the upgrade built that snapshot again from its events.
        var held = sessions[workshops.Str("heldSessionId")].GetProperty("Confirmed").EnumerateArray().Select(c => c.Str("BookingId")).ToList();
        Assert.Equal(held.Distinct(), held);
        Assert.Contains(workshops.Str("promotedBookingId"), held);
        var planned = bookings[workshops.Str("planBookingId")];
        Assert.Equal(workshops.Str("planBookingToken"), planned.Str("Token"));
        Assert.Equal(workshops.Str("formatTitle"), planned.Str("FormatTitle"));

        await ReadModels.RebuildAsync<Wijkengids.Workshops.Formats.WorkshopFormat>(store, "WorkshopFormat");
        await ReadModels.RebuildAsync<Wijkengids.Workshops.Sessions.WorkshopSession>(store, "WorkshopSession");
        await ReadModels.RebuildAsync<Wijkengids.Workshops.Bookings.Booking>(store, "Booking");
        await ReadModels.RebuildAsync<Wijkengids.Workshops.ActionPlans.ActionPlan>(store, "ActionPlan");

        ReadModels.AssertSame(formats, await ReadModels.SnapshotAsync<Wijkengids.Workshops.Formats.WorkshopFormat>(store, f => f.Id));
        ReadModels.AssertSame(sessions, await ReadModels.SnapshotAsync<Wijkengids.Workshops.Sessions.WorkshopSession>(store, s => s.Id));
        ReadModels.AssertSame(bookings, await ReadModels.SnapshotAsync<Wijkengids.Workshops.Bookings.Booking>(store, b => b.Id));
        ReadModels.AssertSame(plans, await ReadModels.SnapshotAsync<Wijkengids.Workshops.ActionPlans.ActionPlan>(store, p => p.Id));

        // The pages read as before: the booking's session time and wait-list place from the session's ledger, the plan's session.
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var listed = (await Host.Scenario(s => { s.Get.Url("/api/workshops/bookings"); s.As(organiser); })).ReadAsJson<JsonElement[]>()
            .ToDictionary(b => b.Str("id"));
        var moved = (await Host.Scenario(s => s.Get.Url($"/api/workshops/sessions?format={workshops.Str("formatSlug")}"))).ReadAsJson<JsonElement[]>()
            .Single(x => x.Str("id") == workshops.Str("movedSessionId"));
        var assigned = listed[workshops.Str("assignedBookingId")];
        Assert.Equal(moved.GetProperty("startsAt").GetDateTimeOffset(), assigned.GetProperty("sessionStartsAt").GetDateTimeOffset());
        Assert.Equal("de gemeente trekt zich terug", listed[workshops.Str("cancelledBookingId")].Str("cancelReason"));
        Assert.Equal("te weinig aanmeldingen", listed[workshops.Str("refusedBookingId")].Str("cancelReason"));
        var plan = (await Host.Scenario(s => s.Get.Url($"/api/workshops/plans/link/{workshops.Str("planBookingToken")}"))).ReadAsJson<JsonElement>();
        Assert.Equal(workshops.Str("formatTitle"), plan.Str("formatTitle"));
        Assert.Equal(listed[workshops.Str("planBookingId")].GetProperty("sessionStartsAt").GetDateTimeOffset(),
            plan.GetProperty("sessionStartsAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Community_read_models_rebuild_from_the_fixtures_events_as_the_old_code_stored_them_and_the_accounts_still_sign_in()
    {
        // The password hashes were only in the account read models: the upgrade recorded them, sealed, as events.
        Assert.True(await Host.ScalarAsync<long>("select count(*) from events.mt_events where type = 'community.account_password_recorded'") > 0);
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var before = await Community.CommunityReadModels.AssertRebuiltFromEventsAsync(store);
        Assert.Contains(before["AccountView"].Values, a => a.GetProperty("Erased").GetBoolean());
        Assert.Contains(before["AccountView"].Values, a => a.GetProperty("PasswordHash").GetString()!.Length > 0);

        // Signing in reads the rebuilt read model: the passwords of before still work, the erased account still does not.
        var community = fixture.Scenario("community");
        await Host.LoginAsync(community.Str("registeredEmail"), community.Str("registeredPassword"));
        await Host.LoginAsync(community.Str("secondEditorEmail"), Scenarios.OpenedPassword);
        await Host.Scenario(s =>
        {
            s.Post.Json(new { email = community.Str("erasedEmail"), password = Scenarios.OpenedPassword }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });
    }

    /// <summary>
    /// The statuses became enums (docs/adr/0096) with the strings the old code stored: the fixture's documents load, LINQ
    /// filters find them by those strings, the API filters on them, and the status indexes are the ones the old code made.
    /// </summary>
    [Fact]
    public async Task Status_filters_find_the_fixtures_documents_by_the_strings_the_old_code_stored()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        async Task<int> StoredAsync(string table, string status) =>
            (int)await Host.ScalarAsync<long>($"select count(*) from {table} where data ->> 'Status' = '{status}'");

        var published = await session.Query<Wijkengids.Content.Items.ItemState>()
            .CountAsync(i => i.Status == Wijkengids.Content.Items.ItemStatus.Published);
        Assert.True(published > 0);
        Assert.Equal(await StoredAsync("content.mt_doc_itemstate", "published"), published);
        var confirmed = await session.Query<Wijkengids.Workshops.Bookings.Booking>()
            .CountAsync(b => b.Status == Wijkengids.Workshops.Bookings.BookingStatus.Confirmed);
        Assert.True(confirmed > 0);
        Assert.Equal(await StoredAsync("workshops.mt_doc_booking", "bevestigd"), confirmed);
        var accepted = await session.Query<Wijkengids.Contributions.Proposals.ProposalView>()
            .CountAsync(p => p.Status == Wijkengids.Contributions.Contracts.ProposalStatus.Accepted);
        Assert.True(accepted > 0);
        Assert.Equal(await StoredAsync("contributions.mt_doc_proposalview", "geaccepteerd"), accepted);
        var subscribed = await session.Query<Wijkengids.Community.Subscriptions.SubscriptionView>()
            .CountAsync(x => x.Status == Wijkengids.Community.Subscriptions.SubscriptionStatus.Confirmed);
        Assert.Equal(await StoredAsync("community.mt_doc_subscriptionview", "bevestigd"), subscribed);
        var sent = await session.Query<Wijkengids.Community.Mail.MailDelivery>()
            .CountAsync(d => d.Status == Wijkengids.Community.Mail.DeliveryStatus.Sent);
        Assert.True(sent > 0);
        Assert.Equal(await StoredAsync("community.mt_doc_maildelivery", "verzonden"), sent);

        var workshops = fixture.Scenario("workshops");
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var cancelled = (await Host.Scenario(s => { s.Get.Url("/api/workshops/bookings?status=geannuleerd"); s.As(organiser); }))
            .ReadAsJson<JsonElement[]>().Select(b => b.Str("id")).ToList();
        Assert.Contains(workshops.Str("cancelledBookingId"), cancelled);
        Assert.Contains(workshops.Str("refusedBookingId"), cancelled);

        foreach (var table in new[] { "mt_doc_itemstate", "mt_doc_booking", "mt_doc_proposalview", "mt_doc_subscriptionview" })
        {
            var definition = await Host.ScalarAsync<string>(
                $"select indexdef from pg_indexes where tablename = '{table}' and indexname = '{table}_idx_status'");
            Assert.EndsWith("USING btree (((data ->> 'Status'::text)))", definition);
        }
    }

    /// <summary>
    /// Waits until the daemon has processed every event stored so far; the timeline (asynchronous) must then hold the fixture's
    /// last position. Read in SQL, so it adds no look.
    /// </summary>
    private async Task TimelineCoversFixtureAsync()
    {
        await Host.ProjectionsCaughtUpAsync();
        Assert.True(await Host.ScalarAsync<long>("select coalesce(max(seq), 0) from audit.timeline") >= fixture.MaxSequence,
            "De tijdlijn komt niet tot de laatste positie van de fixture.");
    }

    private async Task<string> PageAsync(string url) =>
        (await Host.Scenario(s => { s.Get.Url(url); s.StatusCodeShouldBe(200); })).ReadAsText();
}
