using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Audit.Timeline;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit;

/// <summary>The read side over every module's events: timelines, and later diffs, exports and integrity.</summary>
public sealed class AuditModule : IModule
{
    public string Name => "audit";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRequestHandlersFrom(typeof(AuditModule).Assembly);
        services.AddScoped<Wijkengids.Community.Contracts.IPersonalDataSource, AuditPersonalData>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Schema.For<AuditEntry>().DatabaseSchemaName(Name)
            .Index(e => e.StreamId).Index(e => e.Actor).Index(e => e.CorrelationId);
        options.Schema.For<ActorName>().DatabaseSchemaName(Name);
        options.Projections.Add(new AuditTimelineProjection(), ProjectionLifecycle.Async);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => ReadTimelineHandler.MapEndpoints(endpoints);
}
