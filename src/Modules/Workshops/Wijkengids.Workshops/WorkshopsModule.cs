using Microsoft.AspNetCore.Mvc.ApplicationModels;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Contracts;
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
        services.AddScoped<FormatSteps>();
        services.AddScoped<BookingSteps>();
        services.AddScoped<SeatPlanning>();
        services.AddScoped<ActionPlanSteps>();
        services.AddScoped<IPersonalDataSource, BookingPersonalData>();
        services.AddScoped<IPublishedActionPlans, PublishedActionPlans>();
        services.AddHostedService<RecordBookingDetails>();
        services.AddHostedService<RepairSessionLedgers>();
        // Read models built from the events inline; the bookings need the master key to reveal sealed values.
        services.ConfigureMarten((provider, options) =>
        {
            options.Projections.Add(new BookingProjection(provider.GetRequiredService<MasterKey>()), ProjectionLifecycle.Inline);
        });
    }

    public void ConfigureMarten(StoreOptions options)
    {
        // Stable event type names "<module>.<event>"; names stored before the prefix load as aliases (docs/adr/0090).
        options.RegisterModuleEvents(Name, GetType().Assembly);
        options.Schema.For<WorkshopFormat>().DatabaseSchemaName(Name).UniqueIndex(f => f.Slug);
        options.Schema.For<WorkshopSession>().DatabaseSchemaName(Name);
        options.Schema.For<Booking>().DatabaseSchemaName(Name).UniqueIndex(b => b.TokenHash!).Index(b => b.SessionId!).Index(b => b.Status)
            .Index(b => b.AccountId!);
        options.Schema.For<ActionPlan>().DatabaseSchemaName(Name).Index(p => p.AreaId);
        // The session is its own read model (an inline snapshot); formats and plans are projections of their events.
        options.Projections.Snapshot<WorkshopSession>(SnapshotLifecycle.Inline);
        options.Projections.Add(new WorkshopFormatProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ActionPlanProjection(), ProjectionLifecycle.Inline);
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizePage("/Werkateliers/MijnAanvragen");
        pages.AuthorizePage("/Werkateliers/Financiering", Policies.Funders);
        pages.AuthorizePage("/Werkateliers/Beheer", Policies.Organisers);
        pages.AuthorizeFolder("/Werkateliers/Beheer", Policies.Organisers);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var open = endpoints.MapGroup("/api/workshops").WithTags("Workshops");
        var organisers = BackOffice(endpoints, Policies.Organisers);
        var funders = BackOffice(endpoints, Policies.Funders);

        ListFormatsHandler.MapEndpoint(open);
        GetFormatHandler.MapEndpoint(open);
        DefineFormatHandler.MapEndpoint(organisers);
        ChangeFormatHandler.MapEndpoint(organisers);

        ListUpcomingSessionsHandler.MapEndpoint(open);
        ScheduleSessionHandler.MapEndpoint(organisers);
        MoveSessionHandler.MapEndpoint(organisers);
        CancelSessionHandler.MapEndpoint(organisers);

        RequestBookingHandler.MapEndpoint(open);
        GetBookingByTokenHandler.MapEndpoint(open);
        ListMyBookingsHandler.MapEndpoint(open);
        BookingExport.MapEndpoint(organisers);
        ListBookingsHandler.MapEndpoint(organisers);
        GetBookingHandler.MapEndpoint(organisers);
        AssignBookingHandler.MapEndpoint(organisers);
        CancelBookingHandler.MapEndpoint(organisers);
        KeepBookingForOrganisationHandler.MapEndpoint(organisers);
        GetCoFinancingOverviewHandler.MapEndpoint(funders);
        DecideCoFinancingHandler.MapEndpoint(funders);

        GetActionPlanHandler.MapEndpoint(organisers);
        RecordActionPlanHandler.MapEndpoint(organisers);
        ActionPlanSteps.MapEndpoints(open);
        PublishedActionPlans.MapEndpoint(open);
        Calendar.SessionCalendar.MapEndpoints(endpoints);
    }

    private static RouteGroupBuilder BackOffice(IEndpointRouteBuilder endpoints, string policy) =>
        endpoints.MapGroup("/api/workshops").WithTags("Workshops").RequireAuthorization(policy);
}
