using Microsoft.AspNetCore.Mvc.ApplicationModels;
using JasperFx.Events.Projections;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Areas;
using Wijkengids.Community.Contracts;
using Wijkengids.Community.Mail;
using Wijkengids.Community.People;
using Wijkengids.Community.Privacy;
using Wijkengids.Community.Shared;
using Wijkengids.Community.SignIn;
using Wijkengids.Community.Subscriptions;

namespace Wijkengids.Community;

/// <summary>People, organisations, areas, accounts and sign-in, subscriptions and mail.</summary>
public sealed class CommunityModule : IModule
{
    public string Name => "community";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRequestHandlersFrom(typeof(CommunityModule).Assembly);
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, AccountPrincipalValidation>();
        services.AddHostedService<RecordPasswordHashes>();
        services.AddHostedService<DevAccountSeeder>();
        services.AddSingleton<ICommandLineCommand, AdminCommand>();
        services.AddHostedService<CommunitySeedImport>();
        services.AddHostedService<WeeklyDigestTimer>();
        services.AddScoped<ICommunityDirectory, CommunityDirectory>();
        services.AddScoped<IPersonalDataSource, CommunityPersonalData>();
        services.AddScoped<SignedTokens>();
        services.AddScoped<SubscriptionMails>();
        services.AddScoped<AccountMails>();
        services.AddScoped<AccountSteps>();
        services.AddScoped<PersonSteps>();
        services.AddScoped<SubscriptionSteps>();
        services.Configure<MailOptions>(o => MailOptions.Bind(o, configuration));
        services.AddSingleton<IMailSender>(provider =>
        {
            if (!string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<MailOptions>>().Value.Host))
            {
                return ActivatorUtilities.CreateInstance<SmtpMailSender>(provider);
            }
            return provider.GetRequiredService<IHostEnvironment>().IsDevelopment()
                ? ActivatorUtilities.CreateInstance<DevMailbox>(provider)
                : new UnconfiguredMailSender();
        });
        // Read models built from the events inline (docs/adr/0089); those with sealed values need the master key to reveal them.
        services.ConfigureMarten((provider, options) =>
        {
            var masterKey = provider.GetRequiredService<MasterKey>();
            options.Projections.Add(new AccountViewProjection(masterKey), ProjectionLifecycle.Inline);
            options.Projections.Add(new SubscriptionViewProjection(masterKey), ProjectionLifecycle.Inline);
            options.Projections.Add(new PersonViewProjection(masterKey), ProjectionLifecycle.Inline);
            options.Projections.Add(new OrganisationViewProjection(), ProjectionLifecycle.Inline);
            options.Projections.Add(new AreaViewProjection(), ProjectionLifecycle.Inline);
        });
    }

    public void ConfigureMarten(StoreOptions options)
    {
        // Stable event type names "<module>.<event>"; names stored before the prefix load as aliases (docs/adr/0090).
        options.RegisterModuleEvents(Name, GetType().Assembly);
        options.Schema.For<AccountView>().DatabaseSchemaName(Name).UniqueIndex(a => a.Email);
        options.Schema.For<PersonView>().DatabaseSchemaName(Name);
        options.Schema.For<OrganisationView>().DatabaseSchemaName(Name);
        options.Schema.For<AreaView>().DatabaseSchemaName(Name);
        options.Schema.For<MailDelivery>().DatabaseSchemaName(Name).Index(d => d.Mailing).Index(d => d.Recipient);
        options.Schema.For<MailAttempt>().DatabaseSchemaName(Name);
        options.Schema.For<DevMail>().DatabaseSchemaName(Name);
        options.Schema.For<UsedToken>().DatabaseSchemaName(Name);
        // The weeks of the weekly overview: each stream's inline snapshot says whether it is due or sent (docs/adr/0101).
        options.Projections.Snapshot<DigestWeek>(SnapshotLifecycle.Inline);
        options.Schema.For<DigestWeek>().DatabaseSchemaName(Name).Index(w => w.DueAt);
        options.Schema.For<SubscriptionView>().DatabaseSchemaName(Name).UniqueIndex(s => s.Email).Index(s => s.Status).Index(s => s.AddressHash);
    }

    public void AuthorizePages(PageConventionCollection pages)
    {
        pages.AuthorizePage("/Profiel");
        pages.AuthorizePage("/MijnGegevens");
        pages.AuthorizeFolder("/Beheer", Policies.Admins);
        // The editors' pages on people and organisations.
        pages.AuthorizeFolder("/Redactie", Policies.Editors);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        SignInEndpoints.Map(endpoints);
        var accounts = endpoints.MapGroup("/api/community/accounts").WithTags("Community").RequireAuthorization(Policies.Admins);
        OpenAccountHandler.MapEndpoint(accounts);
        AssignRolesHandler.MapEndpoint(accounts);
        SetAccountActiveHandler.MapEndpoints(accounts);
        ListAccountsHandler.MapEndpoint(accounts);
        GetAccountHandler.MapEndpoint(accounts);

        var community = endpoints.MapGroup("/api/community").WithTags("Community");
        RegisterAccountHandler.MapEndpoint(community);
        ConfirmAccountEmailHandler.MapEndpoint(community);
        RequestPasswordResetHandler.MapEndpoint(community);
        ResetPasswordHandler.MapEndpoint(community);
        ChangeProfileHandler.MapEndpoint(community);

        var people = endpoints.MapGroup("/api/community/people").WithTags("Community");
        ListPeopleHandler.MapEndpoint(people);
        GetPersonHandler.MapEndpoint(people);
        RegisterPersonHandler.MapEndpoint(people);
        ChangePersonHandler.MapEndpoint(people);
        var organisations = endpoints.MapGroup("/api/community/organisations").WithTags("Community");
        ListOrganisationsHandler.MapEndpoint(organisations);
        RegisterOrganisationHandler.MapEndpoint(organisations);
        ChangeOrganisationHandler.MapEndpoint(organisations);

        var areas = AreaSteps.Group(endpoints);
        ListAreasHandler.MapEndpoint(areas);
        RegisterAreaHandler.MapEndpoint(areas);
        ChangeAreaHandler.MapEndpoint(areas);

        ListMailingsHandler.MapEndpoints(endpoints);
        DeadLettersHandler.MapEndpoints(endpoints);

        var subscriptions = endpoints.MapGroup("/api/community/subscriptions").WithTags("Community");
        SubscribeHandler.MapEndpoint(subscriptions);
        ConfirmSubscriptionHandler.MapEndpoint(subscriptions);
        UnsubscribeHandler.MapEndpoint(subscriptions);

        var me = endpoints.MapGroup("/api/community/me").WithTags("Community").RequireAuthorization();
        ExportPersonalDataHandler.MapEndpoint(me);
        ErasePersonalDataHandler.MapEndpoints(endpoints, me);
        ErasePersonalDataByEmailHandler.MapEndpoint(endpoints);

        var addressData = endpoints.MapGroup("/api/community/address-data").WithTags("Community");
        RequestAddressDataLinkHandler.MapEndpoint(addressData);
        ExportAddressDataHandler.MapEndpoint(addressData);
        EraseAddressDataHandler.MapEndpoint(addressData);
    }
}
