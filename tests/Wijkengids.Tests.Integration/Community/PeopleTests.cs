using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Contracts;
using Wijkengids.Community.People;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

/// <summary>People, organisations and areas: the seed import, the public pages, editors' and admins' changes, the directory contract.</summary>
public sealed class PeopleTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private IAlbaHost Host => fixture.Host;

    private static readonly string[] Ambassadors =
    [
        "Daniëlle van Drongelen", "Annechien de Gast", "Paul Wilhelmus", "Ger Heyman", "Susanne Scheepers", "Willem Stam",
        "Coby De La Rie", "Lex van Marcke", "Karin Handstede", "Eric van Veen", "Maurice Cramers",
    ];

    private static readonly string[] MinistryCoCreators =
    [
        "Simon Bakker", "Paulien van der Hoeven", "Josien Kuiper", "Martijn Kop", "Sikko Cleveringa", "Bianca Lubbers", "Ferdi Schild",
        "Ron van den Ende", "Kees de Haan", "William Seegers",
    ];

    private static readonly string[] Platform31CoCreators =
    [
        "Mies van Niekerk", "Lydia Sterrenburg", "Jeroen van der Velden", "Marrit van der Schaar", "Piet Korporaal", "Leonie Jansen",
        "Antoine Reijnders", "Henk-Jan Bierling", "Tineke Lupi", "Frank Wassenberg",
    ];

    private static readonly string[] Trainers =
    [
        "Jantien Aalbregtse", "Wim Cousijn", "Wout Gerloos", "Edwin Broekman", "Laetitia Kuijpers", "Pieter Lieffering", "Annelies Acda",
        "Annemiek Lucas", "Henk-Jan Bierling", "Marianne van den Anker", "Femke Bax", "Wilmien Haverkamp", "Jacqueline Gommans", "Esther Brink",
        "Gert-Jan Leerink",
    ];

    [Fact]
    public async Task The_seed_lists_are_imported_exactly_with_one_person_holding_two_roles()
    {
        var people = (await Host.Scenario(s => s.Get.Url("/api/community/people"))).ReadAsJson<JsonElement[]>();

        Assert.Equal(Ambassadors, Listed(people, "ambassadeur", null));
        Assert.Equal(MinistryCoCreators, Listed(people, "co-creator", "Ministerie van Binnenlandse Zaken"));
        Assert.Equal(Platform31CoCreators, Listed(people, "co-creator", "Platform31"));
        Assert.Equal(Trainers, Listed(people, "trainer", null));
        Assert.Equal(45, people.Length);

        var henkJan = Assert.Single(people, p => p.GetProperty("name").GetString() == "Henk-Jan Bierling");
        Assert.Equal(["co-creator", "trainer"], henkJan.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("role").GetString()!).ToArray());
        Assert.Equal("Platform31", henkJan.GetProperty("organisationName").GetString());

        var karin = Assert.Single(people, p => p.GetProperty("name").GetString() == "Karin Handstede");
        Assert.Equal("Directeur Leefbaarheid gemeente Tilburg", karin.GetProperty("affiliation").GetString());
        Assert.Equal("Gemeente Tilburg", karin.GetProperty("organisationName").GetString());
    }

    [Fact]
    public async Task Importing_again_appends_nothing_and_the_import_is_by_the_system_with_reason_import()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using var before = store.QuerySession();
        var count = await before.Events.QueryAllRawEvents().CountAsync();

        await using (var scope = Host.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await CommunitySeedImport.ImportAsync(scope.ServiceProvider, CancellationToken.None));
        }

        await using var after = store.QuerySession();
        Assert.Equal(count, await after.Events.QueryAllRawEvents().CountAsync());
        var imported = await after.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "community.person_registered").ToListAsync();
        Assert.Equal(45, imported.Count);
        Assert.All(imported, e =>
        {
            Assert.Equal("system", e.UserName);
            Assert.Equal("import", e.Headers!["reason"]?.ToString());
        });
        var raw = await after.QueryAsync<string>("select data::text from events.mt_events where type = 'community.person_registered'");
        Assert.All(raw, data => Assert.DoesNotContain("Bierling", data));
    }

    [Fact]
    public async Task The_people_page_groups_as_on_the_original_site()
    {
        var html = (await Host.Scenario(s => s.Get.Url("/mensen"))).ReadAsText();
        var ambassadors = html.IndexOf("<h2 id=\"ambassadeurs\">Ambassadeurs</h2>", StringComparison.Ordinal);
        var ministry = html.IndexOf("<h3>Ministerie van Binnenlandse Zaken</h3>", StringComparison.Ordinal);
        var platform31 = html.IndexOf("<h3>Platform31</h3>", StringComparison.Ordinal);
        var trainers = html.IndexOf("<h2 id=\"trainers\">Trainers Werkateliers</h2>", StringComparison.Ordinal);
        Assert.True(ambassadors > 0 && ambassadors < ministry && ministry < platform31 && platform31 < trainers);
        Assert.True(html.IndexOf("Daniëlle van Drongelen", StringComparison.Ordinal) < html.IndexOf("Maurice Cramers", StringComparison.Ordinal));
        Assert.Contains("Kansenmakelaar Wonen Limburg-Roermond", html);
        Assert.Equal(2, html.Split("Henk-Jan Bierling").Length - 1);

        var organisations = (await Host.Scenario(s => s.Get.Url("/organisaties"))).ReadAsText();
        Assert.Contains("Krajicek Foundation", organisations);
        Assert.Contains("Ministerie van Volksgezondheid, Welzijn en Sport", organisations);
        Assert.Contains("<h2 id=\"soort-gemeente\">Gemeenten</h2>", organisations);
    }

    [Fact]
    public async Task An_editor_adds_a_person_and_changes_roles_with_optimistic_concurrency()
    {
        var editor = await Host.LoginAsRoleAsync("editor");
        var organisations = (await Host.Scenario(s => s.Get.Url("/api/community/organisations"))).ReadAsJson<JsonElement[]>();
        var platform31 = organisations.Single(o => o.GetProperty("name").GetString() == "Platform31").GetProperty("id").GetString();

        var created = (await Host.Scenario(s =>
        {
            s.Post.Json(new { name = "Nieuwe Trainer", organisationId = platform31, bio = "Werkt in Nieuwland.", roles = new[] { new { role = "trainer" } } })
                .ToUrl("/api/community/people"); s.As(editor);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        var id = created.GetProperty("id").GetString();
        Assert.Equal(16, created.GetProperty("roles")[0].GetProperty("position").GetInt32());

        var changed = (await Host.Scenario(s =>
        {
            s.Put.Json(new
                {
                    name = "Nieuwe Trainer", organisationId = platform31, roles = new object[] { new { role = "ambassadeur" }, new { role = "co-creator", team = "Platform31" } },
                    expectedVersion = created.GetProperty("version").GetInt64(), reason = "geen trainer meer",
                })
                .ToUrl($"/api/community/people/{id}"); s.As(editor);
            s.StatusCodeShouldBe(200);
        })).ReadAsJson<JsonElement>();
        Assert.Equal(["ambassadeur", "co-creator"], changed.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("role").GetString()!).ToArray());

        var stale = await Host.Scenario(s =>
        {
            s.Put.Json(new { name = "Oud", roles = Array.Empty<object>(), expectedVersion = created.GetProperty("version").GetInt64() })
                .ToUrl($"/api/community/people/{id}"); s.As(editor);
            s.StatusCodeShouldBe(409);
        });
        Assert.Contains("intussen gewijzigd", stale.ShouldBeProblem(409).GetProperty("detail").GetString());

        var invalid = await Host.Scenario(s =>
        {
            s.Post.Json(new { name = "", roles = new[] { new { role = "co-creator" } } }).ToUrl("/api/community/people"); s.As(editor);
            s.StatusCodeShouldBe(400);
        });
        var errors = invalid.ShouldBeProblem(400).GetProperty("errors").ToString();
        Assert.Contains("Vul een naam in.", errors);
        Assert.Contains("team", errors);
    }

    [Fact]
    public async Task Only_editors_manage_people_and_only_admins_manage_areas()
    {
        var contributor = await Host.LoginAsRoleAsync("contributor");
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { name = "X", roles = Array.Empty<object>() }).ToUrl("/api/community/people"); s.As(contributor);
            s.StatusCodeShouldBe(403);
        })).ShouldBeProblem(403);
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { name = "X", kind = "gemeente" }).ToUrl("/api/community/organisations");
            s.StatusCodeShouldBe(401);
        })).ShouldBeProblem(401);
        var editor = await Host.LoginAsRoleAsync("editor");
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { name = "Regio X", level = "regio" }).ToUrl("/api/community/areas"); s.As(editor);
            s.StatusCodeShouldBe(403);
        })).ShouldBeProblem(403);
    }

    [Fact]
    public async Task Areas_form_a_hierarchy_seeded_with_the_municipalities_of_the_source()
    {
        var areas = (await Host.Scenario(s => s.Get.Url("/api/community/areas"))).ReadAsJson<JsonElement[]>();
        string NameOf(JsonElement a) => a.GetProperty("name").GetString()!;
        var nieuwland = Assert.Single(areas, a => NameOf(a) == "Nieuwland");
        Assert.Equal("wijk", nieuwland.GetProperty("level").GetString());
        Assert.Equal("Schiedam", nieuwland.GetProperty("parentName").GetString());
        foreach (var municipality in new[] { "Schiedam", "Den Bosch", "Sittard-Geleen", "Roermond", "Den Helder", "Venlo", "Tilburg", "Amsterdam", "Nijmegen", "Utrecht", "Enschede", "Dordrecht", "Amersfoort" })
        {
            Assert.Equal("gemeente", Assert.Single(areas, a => NameOf(a) == municipality).GetProperty("level").GetString());
        }

        var admin = await Host.LoginAsRoleAsync("admin");
        var region = (await Host.Scenario(s =>
        {
            s.Post.Json(new { name = "Zuid-Holland", level = "regio", reason = "indeling" }).ToUrl("/api/community/areas"); s.As(admin);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        var schiedam = areas.Single(a => NameOf(a) == "Schiedam");
        var moved = (await Host.Scenario(s =>
        {
            s.Put.Json(new { name = "Schiedam", parentId = region.GetProperty("id").GetString(), expectedVersion = schiedam.GetProperty("version").GetInt64() })
                .ToUrl($"/api/community/areas/{schiedam.GetProperty("id").GetString()}"); s.As(admin);
            s.StatusCodeShouldBe(200);
        })).ReadAsJson<JsonElement>();
        Assert.Equal("Zuid-Holland", moved.GetProperty("parentName").GetString());

        var wrong = await Host.Scenario(s =>
        {
            s.Post.Json(new { name = "Wijk in wijk", level = "wijk", parentId = nieuwland.GetProperty("id").GetString() }).ToUrl("/api/community/areas"); s.As(admin);
            s.StatusCodeShouldBe(422);
        });
        Assert.Contains("ligt in een gemeente", wrong.ShouldBeProblem(422).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Other_modules_read_trainers_and_areas_through_the_directory_contract()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<ICommunityDirectory>();
        var trainers = await directory.TrainersAsync();
        Assert.Equal(Trainers, trainers.Select(t => t.Name).ToArray());
        Assert.Equal("Gemeente Amsterdam", trainers[0].Organisation);

        var areas = await directory.AreasAsync();
        var nieuwland = Assert.Single(areas, a => a.Name == "Nieuwland");
        Assert.Equal("Schiedam", (await directory.AreaAsync(nieuwland.ParentId!.Value))!.Name);
        Assert.Null(await directory.PersonAsync(Guid.NewGuid()));
    }

    private static string[] Listed(JsonElement[] people, string role, string? team) =>
        people.SelectMany(p => p.GetProperty("roles").EnumerateArray()
                .Where(r => r.GetProperty("role").GetString() == role &&
                            (r.TryGetProperty("team", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null) == team)
                .Select(r => (Name: p.GetProperty("name").GetString()!, Position: r.GetProperty("position").GetInt32())))
            .OrderBy(x => x.Position).Select(x => x.Name).ToArray();
}
