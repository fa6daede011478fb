using Microsoft.AspNetCore.Mvc.ApplicationModels;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Audit.Integrity;
using Wijkengids.Audit.Timeline;
using Wijkengids.Audit.Watch;
using Wijkengids.Platform;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit;

/// <summary>The read side over every module's events: timelines, exports and the tamper-evident hash chain.</summary>
public sealed class AuditModule : IModule
{
    public string Name => AuditSchema.Name;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRequestHandlersFrom(typeof(AuditModule).Assembly);
        services.AddScoped<AuditAccessLog>();
        services.AddHostedService<Timeline.TimelineKinds>();
        services.AddScoped<Community.Contracts.IPersonalDataSource, AuditPersonalData>();
        services.AddSingleton<ICommandLineCommand, Export.AuditCommand>(_ => new Export.AuditCommand());
    }

    public void ConfigureMarten(StoreOptions options)
    {
        // Stable event type names "<module>.<event>"; names stored before the prefix load as aliases (docs/adr/0090).
        options.RegisterModuleEvents(Name, GetType().Assembly);
        options.Schema.For<ActorName>().DatabaseSchemaName(Name);
        options.Storage.ExtendedSchemaObjects.Add(AuditTimelineProjection.Definition());
        options.Projections.Add(new AuditTimelineProjection(), ProjectionLifecycle.Async, AuditTimelineProjection.ProjectionName,
            async => async.DeleteDataInTableOnTeardown(AuditTimelineProjection.Table));
        AuditSchema.AddTables(options);
        // The daemon looks for new events every 250 ms under load by default; the audit read side aims at < 1 s lag
        // at 500 events/s (bench/audit.sh), so it looks more often while events keep coming.
        options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
        options.Events.Subscribe(new HashChainSubscription());
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Audit", Policies.Auditors);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.Auditors);
        ReadTimelineHandler.MapEndpoints(audit);
        GetActorHandler.MapEndpoints(audit);
        GetItemProvenanceHandler.MapEndpoints(audit);
        GetTimelineFilterOptionsHandler.MapEndpoints(audit);
        VerifyChainHandler.MapEndpoints(audit);
        Export.ExportTrailHandler.MapEndpoints(audit);
        ListCheckpointsHandler.MapEndpoints(endpoints);
    }
}
