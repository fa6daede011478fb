using Microsoft.AspNetCore.Mvc.ApplicationModels;
using JasperFx.Events.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Editions;
using Wijkengids.Content.Items;
using Wijkengids.Content.People;
using Wijkengids.Content.Publishing;
using Wijkengids.Content.Reading;
using Wijkengids.Content.Rendering;
using Wijkengids.Content.Search;
using Wijkengids.Content.Themes;

namespace Wijkengids.Content;

/// <summary>The guide: chapters, sections, themes, lessons, sources, the waaier, revisions, editions and news.</summary>
public sealed class ContentModule : IModule
{
    public string Name => "content";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRequestHandlersFrom(typeof(ContentModule).Assembly);
        services.AddScoped<ItemStreams>();
        services.AddScoped<LessonPublication>();
        services.AddScoped<PersonNames>();
        services.AddSingleton<GuideVersionCache>();
        services.AddScoped<Contracts.IGuideCatalog, Catalog.GuideCatalog>();
        // Order matters: the search table exists before anything is published.
        services.AddHostedService<SearchSchema>();
        services.AddHostedService<Seed.SeedImport>();
        services.AddHostedService<PruneItemLog>();
        services.AddHostedService<RebuildItemAuthors>();
        services.AddHostedService<RebuildGuideHistory>();
        services.AddSingleton<ICommandLineCommand, Seed.DemoSeedCommand>();
        services.AddOutputCache(options => options.AddBasePolicy(new GuideCachePolicy()));
        services.ConfigureMarten((provider, options) => options.Listeners.Add(new GuideChangeListener(provider)));
    }

    public void ConfigureMarten(StoreOptions options)
    {
        // Stable event type names "<module>.<event>"; names stored before the prefix load as aliases (docs/adr/0090).
        options.RegisterModuleEvents(Name, GetType().Assembly);
        options.Events.AddEventTypes(ContentEvents.All);
        options.Schema.For<ItemState>().DatabaseSchemaName(Name)
            .Index(x => x.Kind).Index(x => x.Status).UniqueIndex(x => x.Kind, x => x.Slug);
        options.Schema.For<RevisionView>().DatabaseSchemaName(Name).Index(x => x.ItemId);
        options.Schema.For<ItemLogEntry>().DatabaseSchemaName(Name).Index(x => x.ItemId);
        options.Schema.For<PublicItem>().DatabaseSchemaName(Name)
            .Index(x => x.Kind).Index(x => x.Slug).Index(x => x.Number).GinIndexJsonData();
        options.Schema.For<GuideVersion>().DatabaseSchemaName(Name);
        options.Schema.For<ItemVersion>().DatabaseSchemaName(Name)
            .Index(x => x.ItemId).Index(x => x.Kind).Index(x => x.Slug).Index(x => x.Number).Index(x => x.FromEdition);
        options.Schema.For<NumberClaim>().DatabaseSchemaName(Name);
        options.Schema.For<ItemTrail>().DatabaseSchemaName(Name);
        options.Schema.For<GuideTimeline>().DatabaseSchemaName(Name);
        options.Schema.For<ThemeView>().DatabaseSchemaName(Name).UniqueIndex(x => x.Slug);
        options.Schema.For<EditionView>().DatabaseSchemaName(Name).UniqueIndex(x => x.Number);
        options.Schema.For<PersonName>().DatabaseSchemaName(Name);
        options.Schema.For<Intake.ProposalIntakeRecord>().DatabaseSchemaName(Name);

        options.Projections.Snapshot<ItemState>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<ThemeView>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<EditionView>(SnapshotLifecycle.Inline);
        options.Projections.Add(new ItemHistoryProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new PublicGuideProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new Intake.ProposalIntakeProjection(), ProjectionLifecycle.Inline);
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        // The editors' pages (items, themes, updates, history).
        pages.AuthorizeFolder("/Redactie", Policies.Editors);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        ReadGuideHandler.MapEndpoints(endpoints);
        ReadEditionsHandler.MapEndpoints(endpoints);
        GuideThroughTimeEndpoints.Map(endpoints);
        LessonHistoryHandler.MapEndpoint(endpoints);
        SearchGuideHandler.MapEndpoint(endpoints);

        var editors = endpoints.MapGroup("/api/content").WithTags("Content").RequireAuthorization(Policies.Editors);
        var items = editors.MapGroup("/items");
        CreateItemHandler.MapEndpoint(items);
        SaveDraftHandler.MapEndpoint(items);
        TakeItemStepHandler.MapEndpoints(items);
        RevertItemHandler.MapEndpoint(items);
        ReadItemsHandler.MapEndpoints(items);
        var themes = editors.MapGroup("/themes");
        DefineThemeHandler.MapEndpoint(themes);
        ChangeThemeHandler.MapEndpoint(themes);
        RemoveThemeHandler.MapEndpoint(themes);
        PreviewEndpoint.Map(editors);
        var editions = editors.MapGroup("/editions");
        GetEditionCandidatesHandler.MapEndpoint(editions);
        GetDraftEditionHandler.MapEndpoint(editions);
        ComposeEditionHandler.MapEndpoint(editions);
        PublishEditionHandler.MapEndpoint(editions);
    }
}
