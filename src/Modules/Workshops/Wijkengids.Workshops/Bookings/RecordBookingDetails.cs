using JasperFx.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wijkengids.Workshops.ActionPlans;

namespace Wijkengids.Workshops.Bookings;

/// <summary>
/// Upgrade step, at every start: a booking requested before <see cref="BookingRequested"/> carried the format's title and
/// the private link kept those only in its read model, and a plan van aanpak recorded before <see cref="ActionPlanRecorded"/>
/// carried the session's format and time and its moments kept those only in its own. For each such booking (and only once)
/// this records them from the read models as <see cref="BookingDetailsRecorded"/> and <see cref="ActionPlanDetailsRecorded"/>,
/// by the system with reason "upgrade", so a rebuild from the events shows what the pages showed (docs/adr/0089). The
/// link is sealed with the contact's key; for a contact erased before, only its hash is recorded. Nothing to do on a
/// database made after the change.
/// </summary>
internal sealed class RecordBookingDetails(IServiceScopeFactory scopes, ILogger<RecordBookingDetails> logger) : UpgradeStep(scopes, logger)
{
    protected override Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        RecordAsync(services.GetRequiredService<IDocumentStore>(), services.GetRequiredService<IPersonalDataVault>(), cancellationToken);

    protected override string Done(int count) => $"Gegevens van {count} oudere aanvragen voor werkateliers vastgelegd als gebeurtenis";

    internal static async Task<int> RecordAsync(IDocumentStore store, IPersonalDataVault vault, CancellationToken cancellationToken)
    {
        // The names under which the code before the change stored the events; later names carry the facts themselves.
        var events = ((DocumentStore)store).Events;
        var bookingRecorded = events.EventMappingFor(typeof(BookingDetailsRecorded)).EventTypeName;
        var planRecorded = events.EventMappingFor(typeof(ActionPlanDetailsRecorded)).EventTypeName;
        var bookings = await StreamsAsync(store, "booking_requested", "TokenHash", bookingRecorded, cancellationToken);
        var plans = await StreamsAsync(store, "action_plan_recorded", "RecordedAt", planRecorded, cancellationToken);
        if (bookings.Count == 0 && plans.Count == 0) return 0;

        await using var session = Session(store);
        var ids = bookings.Keys.Union(plans.Keys).ToArray();
        var views = (await session.LoadManyAsync<Booking>(cancellationToken, ids)).ToDictionary(b => b.Id);
        var planViews = (await session.LoadManyAsync<ActionPlan>(cancellationToken, plans.Keys.ToArray())).ToDictionary(p => p.Id);
        var recorded = 0;
        foreach (var id in ids)
        {
            var changes = new List<object>();
            if (bookings.ContainsKey(id) && views.TryGetValue(id, out var view) && view.Token is { Length: > 0 } token)
            {
                var link = await vault.IsErasedAsync(view.Subject, cancellationToken) ? null : await vault.SealAsync(view.Subject, token, cancellationToken);
                changes.Add(new BookingDetailsRecorded(id, view.FormatTitle, link, BookingLinks.Hash(token)));
            }
            if (plans.ContainsKey(id) && planViews.TryGetValue(id, out var plan))
            {
                changes.Add(new ActionPlanDetailsRecorded(id, plan.FormatTitle, plan.SessionStartsAt, plan.RecordedAt, plan.UpdatedAt));
            }
            if (changes.Count == 0) continue;
            // At the version the stream has now: a second host doing the same at the same moment fails instead of recording twice.
            var version = bookings.TryGetValue(id, out var v) ? v : plans[id];
            session.Events.Append(id, version + changes.Count, changes.ToArray());
            recorded++;
        }
        return await SaveOnceAsync(session, recorded, cancellationToken);
    }

    /// <summary>Streams (with their version) holding an event stored as <paramref name="type"/> without <paramref name="field"/>, and no <paramref name="recorded"/> yet.</summary>
    private static async Task<Dictionary<Guid, long>> StreamsAsync(IDocumentStore store, string type, string field, string recorded,
        CancellationToken cancellationToken)
    {
        var streams = new Dictionary<Guid, long>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            select s.stream_id, st.version from {EventStore.Schema}.mt_events s
            join {EventStore.Schema}.mt_streams st on st.id = s.stream_id
            where s.type = @type and s.data->>'{field}' is null
              and not exists (select 1 from {EventStore.Schema}.mt_events d where d.stream_id = s.stream_id and d.type = @recorded)
            """, connection);
        command.Parameters.AddWithValue("type", type);
        command.Parameters.AddWithValue("recorded", recorded);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) streams[reader.GetGuid(0)] = reader.GetInt64(1);
        return streams;
    }
}
