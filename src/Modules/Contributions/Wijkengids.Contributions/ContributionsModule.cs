using Microsoft.AspNetCore.Mvc.ApplicationModels;
using JasperFx.Events.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Contracts;
using Wijkengids.Contributions.Proposals;
using Wijkengids.Contributions.Reactions;

namespace Wijkengids.Contributions;

/// <summary>The intake of co-creation: reactions and proposals, their moderation, and the contributor's own view.</summary>
public sealed class ContributionsModule : IModule
{
    public string Name => "contributions";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRequestHandlersFrom(typeof(ContributionsModule).Assembly);
        services.AddScoped<IPersonalDataSource, ReactionPersonalData>();
        services.AddScoped<Contracts.IPublishedReactions, PublishedReactions>();
        services.AddScoped<ReactionSteps>();
        services.AddScoped<ProposalSteps>();
        services.AddScoped<ProposalDetailsReader>();
        services.AddHostedService<RecordProposalDetails>();
        services.AddHostedService<Moderation.BuildModerationRecords>();
        // Read models built from the events inline; they need the master key to reveal sealed values.
        services.ConfigureMarten((provider, options) =>
        {
            var masterKey = provider.GetRequiredService<MasterKey>();
            options.Projections.Add(new ReactionViewProjection(masterKey), ProjectionLifecycle.Inline);
            options.Projections.Add(new ProposalViewProjection(masterKey), ProjectionLifecycle.Inline);
            options.Projections.Add(new Moderation.ModerationRecordProjection(), ProjectionLifecycle.Inline);
        });
    }

    public void ConfigureMarten(StoreOptions options)
    {
        // Stable event type names "<module>.<event>"; names stored before the prefix load as aliases (docs/adr/0090).
        options.RegisterModuleEvents(Name, GetType().Assembly);
        options.Schema.For<ReactionView>().DatabaseSchemaName(Name)
            .Index(r => r.Email).Index(r => r.About).Index(r => r.AccountId!);
        options.Schema.For<ProposalView>().DatabaseSchemaName(Name)
            .Index(p => p.AccountId).Index(p => p.Status).Index(p => p.SubmittedAt);
        options.Schema.For<Moderation.ModerationRecord>().DatabaseSchemaName(Name).Index(r => r.LastDecidedAt!);
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizePage("/VoorstelDoen", Policies.Contributors);
        pages.AuthorizePage("/MijnBijdragen");
        pages.AuthorizePage("/MijnVoorstel");
        pages.AuthorizePage("/MijnReactie");
        // The editors' pages on proposals and reactions.
        pages.AuthorizeFolder("/Redactie", Policies.Editors);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var open = endpoints.MapGroup("/api/contributions").WithTags("Contributions");
        SendReactionHandler.MapEndpoint(open);
        ListPublishedReactionsHandler.MapEndpoint(open);
        ListMyReactionsHandler.MapEndpoint(open);
        ObjectToReactionRemovalHandler.MapEndpoint(open);
        Moderation.ModerationLog.MapEndpoints(open);

        var contributors = endpoints.MapGroup("/api/contributions").WithTags("Contributions")
            .RequireAuthorization(Policies.Contributors);
        SubmitProposalHandler.MapEndpoint(contributors);
        AnswerProposalHandler.MapEndpoint(contributors);
        GetProposalOptions.MapEndpoint(contributors);
        ListMyProposalsHandler.MapEndpoint(contributors);
        ObjectToProposalRejectionHandler.MapEndpoint(contributors);

        var moderation = endpoints.MapGroup("/api/contributions/moderation").WithTags("Contributions")
            .RequireAuthorization(Policies.Editors);
        ListReactionsForModerationHandler.MapEndpoint(moderation);
        GetReactionHandler.MapEndpoint(moderation);
        PublishReactionHandler.MapEndpoints(moderation);
        AnswerReactionHandler.MapEndpoint(moderation);
        HandleReactionHandler.MapEndpoint(moderation);
        MarkReactionAsSpamHandler.MapEndpoint(moderation);
        ListProposalsForModerationHandler.MapEndpoint(moderation);
        GetProposalHandler.MapEndpoints(contributors, moderation);
        AcceptProposalHandler.MapEndpoint(moderation);
        RejectProposalHandler.MapEndpoint(moderation);
        RequestProposalInformationHandler.MapEndpoint(moderation);
        MergeProposalHandler.MapEndpoint(moderation);
        DecideReactionAppealHandler.MapEndpoint(moderation);
        DecideProposalAppealHandler.MapEndpoint(moderation);
    }
}
