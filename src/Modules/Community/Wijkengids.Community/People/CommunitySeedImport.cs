using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wijkengids.Community.Areas;
using Wijkengids.Community.Shared;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.People;

/// <summary>
/// Imports the people, organisations and areas of the original site (embedded Seed/community.json) at every start, in
/// every environment. Idempotent: every item has a stable id from its key, and what exists already (also an erased
/// person) is left alone, so importing again appends nothing. Events carry the system actor and reason "import".
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

    /// <summary>Imports what is missing; returns the number of new streams.</summary>
    internal static async Task<int> ImportAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var seed = Load();
        var session = services.GetRequiredService<IDocumentStore>().LightweightSession();
        await using var _ = session;
        var vault = services.GetRequiredService<IPersonalDataVault>();
        var context = FixedRequestContext.System();
        var count = 0;

        var organisationIds = seed.Organisations.ToDictionary(o => o.Key, o => VersionedStreams.StableId("organisation:" + o.Key));
        var existingOrganisations = (await session.LoadManyAsync<OrganisationView>(cancellationToken, organisationIds.Values))
            .Select(o => o.Id).ToHashSet();
        foreach (var organisation in seed.Organisations.Where(o => !existingOrganisations.Contains(organisationIds[o.Key])))
        {
            var view = new OrganisationView { Id = organisationIds[organisation.Key], Name = organisation.Name, Kind = organisation.Kind };
            session.StartWithView(context, Reason, view, [new OrganisationRegistered(view.Id, view.Name, view.Kind)]);
            count++;
        }

        var personIds = seed.People.ToDictionary(p => p.Key, p => VersionedStreams.StableId("person:" + p.Key));
        var existingPeople = (await session.LoadManyAsync<PersonView>(cancellationToken, personIds.Values)).Select(p => p.Id).ToHashSet();
        foreach (var person in seed.People.Where(p => !existingPeople.Contains(personIds[p.Key])))
        {
            var id = personIds[person.Key];
            var view = new PersonView
            {
                Id = id, Name = person.Name, OrganisationId = organisationIds[person.Organisation], Affiliation = person.Affiliation,
                Roles = person.Roles.Select(r => new PersonRole(r.Role, r.Team, r.Position)).ToList(),
            };
            var events = new List<object>
            {
                new PersonRegistered(id, await vault.SealAsync(id, person.Name, cancellationToken), view.OrganisationId,
                    person.Affiliation is null ? null : await vault.SealAsync(id, person.Affiliation, cancellationToken), null),
            };
            events.AddRange(person.Roles.Select(r => new PersonRoleAdded(id, r.Role, r.Team, r.Position)));
            session.StartWithView(context, Reason, view, events);
            count++;
        }

        var areaIds = seed.Areas.ToDictionary(a => a.Key, a => VersionedStreams.StableId("area:" + a.Key));
        var existingAreas = (await session.LoadManyAsync<AreaView>(cancellationToken, areaIds.Values)).Select(a => a.Id).ToHashSet();
        foreach (var area in seed.Areas.Where(a => !existingAreas.Contains(areaIds[a.Key])))
        {
            var view = new AreaView
            {
                Id = areaIds[area.Key], Name = area.Name, Level = area.Level, ParentId = area.Parent is null ? null : areaIds[area.Parent],
            };
            session.StartWithView(context, Reason, view, [new AreaRegistered(view.Id, view.Name, view.Level, view.ParentId)]);
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
