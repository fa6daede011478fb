using Marten;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Wijkengids.SharedKernel;

/// <summary>
/// One registration type per module. The host lists the modules once (src/Host/Modules.cs);
/// each module adds its own services, its own Marten schema and its own endpoints.
/// </summary>
public interface IModule
{
    /// <summary>Short name, also the module's database schema (e.g. "content").</summary>
    string Name { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);

    void ConfigureMarten(StoreOptions options);

    /// <summary>Adds the module's assembly to Wolverine's handler discovery and any queues it needs.</summary>
    void ConfigureWolverine(WolverineOptions options) => options.Discovery.IncludeAssembly(GetType().Assembly);

    void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>
    /// Who may open the module's pages, declared here and nowhere else (no [Authorize] on page models):
    /// AuthorizeFolder / AuthorizePage with the policies of <see cref="Policies"/>. Pages not named here are public.
    /// </summary>
    void AuthorizePages(PageConventionCollection pages);
}
