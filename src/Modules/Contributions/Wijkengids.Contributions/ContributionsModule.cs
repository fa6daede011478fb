using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Contracts;
using Wijkengids.Contributions.Reactions;
using Wijkengids.SharedKernel;

namespace Wijkengids.Contributions;

/// <summary>The intake of co-creation: reactions and proposals, their moderation, and the contributor's own view.</summary>
public sealed class ContributionsModule : IModule
{
    public string Name => "contributions";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRequestHandlersFrom(typeof(ContributionsModule).Assembly);
        services.AddScoped<IPersonalDataSource, ReactionPersonalData>();
    }

    public void ConfigureMarten(StoreOptions options) =>
        options.Schema.For<ReactionView>().DatabaseSchemaName(Name)
            .Index(r => r.Email).Index(r => r.About).Index(r => r.AccountId!);

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var open = endpoints.MapGroup("/api/contributions").WithTags("Contributions");
        SendReactionHandler.MapEndpoint(open);
        ReadReactionsHandler.MapPublicEndpoints(open);

        var moderation = endpoints.MapGroup("/api/contributions/moderation").WithTags("Contributions")
            .RequireAuthorization(Policies.Editors)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        ReadReactionsHandler.MapModerationEndpoints(moderation);
        ModerateReactionHandler.MapEndpoints(moderation);
    }
}
