using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Wijkengids.Community.Accounts;

/// <summary>
/// Upgrade step, at every start: before the password hash was part of <see cref="AccountPasswordSet"/> and
/// <see cref="AccountPasswordReset"/>, it lived only in the account's read model. For each account whose latest password
/// event lacks it (and only once) this records the read model's hash, sealed, as <see cref="AccountPasswordRecorded"/>, by
/// the system with reason "upgrade", so a rebuild from the events signs in as before (docs/adr/0089). An erased account has
/// no hash left to record. Nothing to do on a database made after the change.
/// </summary>
internal sealed class RecordPasswordHashes(IServiceScopeFactory scopes, ILogger<RecordPasswordHashes> logger) : UpgradeStep(scopes, logger)
{
    protected override Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        RecordAsync(services.GetRequiredService<IDocumentStore>(), services.GetRequiredService<IPersonalDataVault>(), cancellationToken);

    protected override string Done(int count) => $"Wachtwoord-hashes van {count} oudere accounts vastgelegd als gebeurtenis";

    internal static async Task<int> RecordAsync(IDocumentStore store, IPersonalDataVault vault, CancellationToken cancellationToken)
    {
        var events = ((DocumentStore)store).Events;
        // Stored names: the bare ones of before the module prefix (docs/adr/0090) and today's.
        var types = new[] { typeof(AccountPasswordSet), typeof(AccountPasswordReset), typeof(AccountPasswordRecorded) }
            .SelectMany(t => new[] { events.EventMappingFor(t).EventTypeName, Bare(events.EventMappingFor(t).EventTypeName) })
            .Distinct().ToArray();
        var ids = new List<Guid>();
        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                $"""
                select stream_id from (
                  select distinct on (stream_id) stream_id, data->>'PasswordHash' as hash
                  from {EventStore.Schema}.mt_events where type = any(@types)
                  order by stream_id, version desc) latest
                where latest.hash is null
                """, connection);
            command.Parameters.AddWithValue("types", types);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetGuid(0));
        }
        if (ids.Count == 0) return 0;

        await using var session = Session(store);
        var recorded = 0;
        foreach (var view in await session.LoadManyAsync<AccountView>(cancellationToken, ids))
        {
            if (view.Erased || string.IsNullOrEmpty(view.PasswordHash)) continue;
            // At the version the read model knows: a second host doing the same at the same moment fails instead of recording twice.
            session.Events.Append(view.Id, view.Version + 1,
                new AccountPasswordRecorded(view.Id, await vault.SealAsync(view.Id, view.PasswordHash, cancellationToken)));
            recorded++;
        }
        return await SaveOnceAsync(session, recorded, cancellationToken);
    }

    private static string Bare(string name) => name[(name.IndexOf('.') + 1)..];
}
