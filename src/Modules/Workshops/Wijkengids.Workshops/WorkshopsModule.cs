using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.SharedKernel;

namespace Wijkengids.Workshops;

public sealed class WorkshopsModule : IModule
{
    public string Name => "workshops";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddRequestHandlersFrom(typeof(WorkshopsModule).Assembly);

    public void ConfigureMarten(StoreOptions options)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
