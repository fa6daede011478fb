using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.SharedKernel;

namespace Wijkengids.Contributions;

public sealed class ContributionsModule : IModule
{
    public string Name => "contributions";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddRequestHandlersFrom(typeof(ContributionsModule).Assembly);

    public void ConfigureMarten(StoreOptions options)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
