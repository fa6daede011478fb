using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wijkengids.Community.Areas;
using Wijkengids.Community.Shared;

namespace Wijkengids.Community.People;

/// <summary>
/// Imports the people, organisations and areas of the original site (embedded Seed/community.json) at every start, in
/// every environment. Idempotent: every item has a stable id from its key, and what exists already (also an erased
/// person) is left alone, so importing again appends nothing. Events carry the system actor and reason "import"; the
/// projections build the read models from them (a startup step: it saves its own session).
/// </summary>
internal sealed class CommunitySeedImport(IServiceScopeFactory scopes, ILogger<CommunitySeedImport> logger) : IHostedService
{
    public const string Reason = "import";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        int imported;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            imported = await ImportAsync(scope.ServiceProvider, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Another host imported at the same moment: once more, finding what it wrote.
            logger.LogInformation(e, "Import botste met een gelijktijdige import; opnieuw");
            await using var scope = scopes.CreateAsyncScope();
            imported = await ImportAsync(scope.ServiceProvider, cancellationToken);
        }
        if (imported > 0) logger.LogInformation("{Count} mensen, organisaties en gebieden geïmporteerd", imported);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Imports what is missing; returns the number of new streams. Appends events only: the projections build the read models.</summary>
    internal static async Task<int> ImportAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var seed = Load();
        var session = services.GetRequiredService<IDocumentStore>().LightweightSession();
        await using var _ = session;
        var vault = services.GetRequiredService<IPersonalDataVault>();
        session.Stamp(FixedRequestContext.System(), Reason);
        var count = 0;

        var organisationIds = seed.Organisations.ToDictionary(o => o.Key, o => StableIds.For("organisation:" + o.Key));
        var existingOrganisations = (await session.LoadManyAsync<OrganisationView>(cancellationToken, organisationIds.Values))
            .Select(o => o.Id).ToHashSet();
        foreach (var organisation in seed.Organisations.Where(o => !existingOrganisations.Contains(organisationIds[o.Key])))
        {
            var id = organisationIds[organisation.Key];
            session.Events.StartStream<Organisation>(id, Organisation.Register(id, organisation.Name, organisation.Kind));
            count++;
        }

        var personIds = seed.People.ToDictionary(p => p.Key, p => StableIds.For("person:" + p.Key));
        var existingPeople = (await session.LoadManyAsync<PersonView>(cancellationToken, personIds.Values)).Select(p => p.Id).ToHashSet();
        foreach (var person in seed.People.Where(p => !existingPeople.Contains(personIds[p.Key])))
        {
            var id = personIds[person.Key];
            var events = new List<object>
            {
                new PersonRegistered(id, await vault.SealAsync(id, person.Name, cancellationToken), organisationIds[person.Organisation],
                    person.Affiliation is null ? null : await vault.SealAsync(id, person.Affiliation, cancellationToken), null),
            };
            // The positions of the original site's lists, as they were.
            events.AddRange(person.Roles.Select(r => new PersonRoleAdded(id, r.Role, r.Team, r.Position)));
            session.Events.StartStream<Person>(id, events);
            count++;
        }

        var areaIds = seed.Areas.ToDictionary(a => a.Key, a => StableIds.For("area:" + a.Key));
        var existingAreas = (await session.LoadManyAsync<AreaView>(cancellationToken, areaIds.Values)).Select(a => a.Id).ToHashSet();
        foreach (var area in seed.Areas.Where(a => !existingAreas.Contains(areaIds[a.Key])))
        {
            var id = areaIds[area.Key];
            session.Events.StartStream<Area>(id, Area.Register(id, area.Name, area.Level, area.Parent is null ? null : areaIds[area.Parent]));
            count++;
        }

        if (count > 0) await session.SaveChangesAsync(cancellationToken);
        return count;
    }

    internal static SeedData Load()
    {
        using var stream = typeof(CommunitySeedImport).Assembly.GetManifestResourceStream("Wijkengids.Community.Seed.community.json")
                           ?? throw new InvalidOperationException("Seed/community.json ontbreekt in de module.");
        return JsonSerializer.Deserialize<SeedData>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
               ?? throw new InvalidOperationException("Seed/community.json is leeg.");
    }

    internal sealed record SeedData(IReadOnlyList<SeedOrganisation> Organisations, IReadOnlyList<SeedPerson> People, IReadOnlyList<SeedArea> Areas);

    internal sealed record SeedOrganisation(string Key, string Name, string Kind);

    internal sealed record SeedPerson(string Key, string Name, string Organisation, string? Affiliation, IReadOnlyList<SeedRole> Roles);

    internal sealed record SeedRole(string Role, string? Team, int Position);

    internal sealed record SeedArea(string Key, string Name, string Level, string? Parent);
}
