using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Contracts;
using Wijkengids.SharedKernel;
using Wijkengids.Workshops.ActionPlans;
using Wijkengids.Workshops.Bookings;
using Wijkengids.Workshops.Contracts;
using Wijkengids.Workshops.Formats;
using Wijkengids.Workshops.Sessions;

namespace Wijkengids.Workshops;

/// <summary>Werkateliers: formats, sessions, bookings by areas, wait lists, co-financing and action plans.</summary>
public sealed class WorkshopsModule : IModule
{
    public string Name => "workshops";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRequestHandlersFrom(typeof(WorkshopsModule).Assembly);
        services.AddScoped<GuideReferences>();
        services.AddScoped<SeatPlanner>();
        services.AddScoped<IPersonalDataSource, BookingPersonalData>();
        services.AddScoped<IPublishedActionPlans, PublishedActionPlans>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        // Stable event type names "<module>.<event>"; names stored before the prefix load as aliases (docs/adr/0090).
        options.RegisterModuleEvents(Name, GetType().Assembly);
        options.Schema.For<WorkshopFormat>().DatabaseSchemaName(Name).UniqueIndex(f => f.Slug);
        options.Schema.For<WorkshopSession>().DatabaseSchemaName(Name);
        options.Schema.For<Booking>().DatabaseSchemaName(Name).UniqueIndex(b => b.Token).Index(b => b.SessionId!).Index(b => b.Status);
        options.Schema.For<ActionPlan>().DatabaseSchemaName(Name).Index(p => p.AreaId);
        options.Projections.Snapshot<WorkshopSession>(SnapshotLifecycle.Inline);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var open = endpoints.MapGroup("/api/workshops").WithTags("Workshops");
        var organisers = BackOffice(endpoints, Policies.Organisers);
        var funders = BackOffice(endpoints, Policies.Funders);
        FormatsHandler.MapEndpoints(open, organisers);
        ManageSessionsHandler.MapEndpoints(open, organisers);
        RequestBookingHandler.MapEndpoint(open);
        BookingExport.MapEndpoint(organisers);
        ManageBookingsHandler.MapEndpoints(open, organisers);
        ListMyBookingsHandler.MapEndpoint(open);
        CoFinancingHandler.MapEndpoints(funders);
        RecordActionPlanHandler.MapEndpoints(organisers);
        ContactActionPlanHandler.MapEndpoints(open);
        PublishedActionPlans.MapEndpoint(open);
        Calendar.SessionCalendar.MapEndpoints(endpoints);
    }

    private static RouteGroupBuilder BackOffice(IEndpointRouteBuilder endpoints, string policy) =>
        endpoints.MapGroup("/api/workshops").WithTags("Workshops").RequireAuthorization(policy)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
