using JasperFx.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Wijkengids.Contributions.Proposals;

/// <summary>
/// Upgrade step, at every start: a proposal submitted before <see cref="ProposalSubmitted"/> carried the lesson's title,
/// the base text and the moment kept those facts only in its read model. For each such proposal (and only once) this
/// records them from the read model as <see cref="ProposalDetailsRecorded"/>, by the system with reason "upgrade", so a
/// rebuild from the events shows what the page showed (docs/adr/0089). Nothing to do on a database made after the change.
/// </summary>
internal sealed class RecordProposalDetails(IServiceScopeFactory scopes, ILogger<RecordProposalDetails> logger) : UpgradeStep(scopes, logger)
{
    protected override Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        RecordAsync(services.GetRequiredService<IDocumentStore>(), cancellationToken);

    protected override string Done(int count) => $"Gegevens van {count} oudere voorstellen vastgelegd als gebeurtenis";

    internal static async Task<int> RecordAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        // The name under which the code before the change stored ProposalSubmitted; later names carry the facts themselves.
        const string submitted = "proposal_submitted";
        var recorded = ((DocumentStore)store).Events.EventMappingFor(typeof(ProposalDetailsRecorded)).EventTypeName;
        var ids = new List<Guid>();
        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                $"""
                select s.stream_id from {EventStore.Schema}.mt_events s
                where s.type = @submitted and s.data->>'SubmittedAt' is null
                  and not exists (select 1 from {EventStore.Schema}.mt_events d where d.stream_id = s.stream_id and d.type = @recorded)
                """, connection);
            command.Parameters.AddWithValue("submitted", submitted);
            command.Parameters.AddWithValue("recorded", recorded);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetGuid(0));
        }
        if (ids.Count == 0) return 0;

        await using var session = Session(store);
        foreach (var view in await session.LoadManyAsync<ProposalView>(cancellationToken, ids))
        {
            // At the version the read model knows: a second host doing the same at the same moment fails instead of recording twice.
            session.Events.Append(view.Id, view.Version + 1, new ProposalDetailsRecorded(view.Id, view.LessonTitle,
                new ProposalBase(view.BaseTitle, view.BaseStatement, view.BaseBody, view.BaseSources), view.SubmittedAt));
        }
        return await SaveOnceAsync(session, ids.Count, cancellationToken);
    }
}
