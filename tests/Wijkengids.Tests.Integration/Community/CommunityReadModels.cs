using System.Text.Json;
using Marten;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Areas;
using Wijkengids.Community.People;
using Wijkengids.Community.Subscriptions;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

/// <summary>Proof by rebuild for Community (docs/adr/0089): every read model thrown away and built again from the events comes back the same.</summary>
public static class CommunityReadModels
{
    /// <summary>Snapshots every Community read model, rebuilds each from the events, and compares; returns the snapshots taken before.</summary>
    public static async Task<Dictionary<string, Dictionary<string, JsonElement>>> AssertRebuiltFromEventsAsync(IDocumentStore store)
    {
        var before = new Dictionary<string, Dictionary<string, JsonElement>>
        {
            ["AccountView"] = await ReadModels.SnapshotAsync<AccountView>(store, a => a.Id),
            ["SubscriptionView"] = await ReadModels.SnapshotAsync<SubscriptionView>(store, s => s.Id),
            ["PersonView"] = await ReadModels.SnapshotAsync<PersonView>(store, p => p.Id),
            ["OrganisationView"] = await ReadModels.SnapshotAsync<OrganisationView>(store, o => o.Id),
            ["AreaView"] = await ReadModels.SnapshotAsync<AreaView>(store, a => a.Id),
        };
        foreach (var (name, snapshot) in before) Assert.True(snapshot.Count > 0, $"Geen {name} om te herbouwen.");

        await ReadModels.RebuildAsync<AccountView>(store, "AccountView");
        await ReadModels.RebuildAsync<SubscriptionView>(store, "SubscriptionView");
        await ReadModels.RebuildAsync<PersonView>(store, "PersonView");
        await ReadModels.RebuildAsync<OrganisationView>(store, "OrganisationView");
        await ReadModels.RebuildAsync<AreaView>(store, "AreaView");

        ReadModels.AssertSame(before["AccountView"], await ReadModels.SnapshotAsync<AccountView>(store, a => a.Id));
        ReadModels.AssertSame(before["SubscriptionView"], await ReadModels.SnapshotAsync<SubscriptionView>(store, s => s.Id));
        ReadModels.AssertSame(before["PersonView"], await ReadModels.SnapshotAsync<PersonView>(store, p => p.Id));
        ReadModels.AssertSame(before["OrganisationView"], await ReadModels.SnapshotAsync<OrganisationView>(store, o => o.Id));
        ReadModels.AssertSame(before["AreaView"], await ReadModels.SnapshotAsync<AreaView>(store, a => a.Id));
        return before;
    }
}
