using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Tests.Integration.Infrastructure;
using Wijkengids.Workshops.ActionPlans;
using Wijkengids.Workshops.Bookings;
using Wijkengids.Workshops.Formats;
using Wijkengids.Workshops.Sessions;

namespace Wijkengids.Tests.Integration.Workshops;

/// <summary>
/// Proof by rebuild on a fresh database filled through every module's scenarios: each Workshops read model (formats,
/// sessions, bookings, plans) thrown away and built again from the events alone comes back the same (docs/adr/0089).
/// </summary>
public sealed class WorkshopReadModelTests
{
    [Fact]
    public async Task Every_workshops_read_model_is_rebuilt_from_the_events_alone()
    {
        var connection = await TestDatabase.CreateDatabaseAsync("workshops-rebuild");
        await using var host = await AppFactory.StartOnAsync(connection, services: Scenarios.Services);
        var outcome = await Scenarios.FillEveryModuleAsync(host);
        var store = host.Services.GetRequiredService<IDocumentStore>();

        var formats = await ReadModels.SnapshotAsync<WorkshopFormat>(store, f => f.Id);
        var sessions = await ReadModels.SnapshotAsync<WorkshopSession>(store, s => s.Id);
        var bookings = await ReadModels.SnapshotAsync<Booking>(store, b => b.Id);
        var plans = await ReadModels.SnapshotAsync<ActionPlan>(store, p => p.Id);
        Assert.Contains(outcome.Workshops.FormatId.ToString(), formats.Keys);
        Assert.Contains(outcome.Workshops.CancelledSessionId.ToString(), sessions.Keys);
        Assert.Equal("de gemeente trekt zich terug", bookings[outcome.Workshops.CancelledBookingId.ToString()].GetProperty("CancelReason").GetString());
        Assert.Equal("te weinig aanmeldingen", bookings[outcome.Workshops.RefusedBookingId.ToString()].GetProperty("CancelReason").GetString());
        Assert.Contains(outcome.Workshops.PlanBookingId.ToString(), plans.Keys);

        await ReadModels.RebuildAsync<WorkshopFormat>(store, "WorkshopFormat");
        await ReadModels.RebuildAsync<WorkshopSession>(store, "WorkshopSession");
        await ReadModels.RebuildAsync<Booking>(store, "Booking");
        await ReadModels.RebuildAsync<ActionPlan>(store, "ActionPlan");

        ReadModels.AssertSame(formats, await ReadModels.SnapshotAsync<WorkshopFormat>(store, f => f.Id));
        ReadModels.AssertSame(sessions, await ReadModels.SnapshotAsync<WorkshopSession>(store, s => s.Id));
        ReadModels.AssertSame(bookings, await ReadModels.SnapshotAsync<Booking>(store, b => b.Id));
        ReadModels.AssertSame(plans, await ReadModels.SnapshotAsync<ActionPlan>(store, p => p.Id));
    }
}
