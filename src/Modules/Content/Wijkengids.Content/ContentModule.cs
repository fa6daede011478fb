using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.SharedKernel;

namespace Wijkengids.Content;

/// <summary>The guide: chapters, sections, themes, lessons, sources, the waaier, revisions, editions and news.</summary>
public sealed class ContentModule : IModule
{
    public string Name => "content";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddRequestHandlersFrom(typeof(ContentModule).Assembly);

    public void ConfigureMarten(StoreOptions options)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
