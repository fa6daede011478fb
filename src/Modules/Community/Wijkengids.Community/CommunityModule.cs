using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
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
using Wijkengids.Community.Subscriptions;
using Wijkengids.Community.SignIn;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community;

/// <summary>People, organisations, areas, accounts and sign-in, subscriptions and mail.</summary>
public sealed class CommunityModule : IModule
{
    public string Name => "community";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRequestHandlersFrom(typeof(CommunityModule).Assembly);
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, AccountPrincipalValidation>();
        services.AddHostedService<DevAccountSeeder>();
        services.AddSingleton<ICommandLineCommand, AdminCommand>();
        services.AddHostedService<CommunitySeedImport>();
        services.AddScoped<ICommunityDirectory, CommunityDirectory>();
        services.AddScoped<IPersonalDataSource, CommunityPersonalData>();
        services.AddScoped<SignedTokens>();
        services.AddScoped<SubscriptionMails>();
        services.AddScoped<AccountMails>();
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
        options.Schema.For<SubscriptionView>().DatabaseSchemaName(Name).UniqueIndex(s => s.Email).Index(s => s.Status);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        SignInEndpoints.Map(endpoints);
        var accounts = endpoints.MapGroup("/api/community/accounts").WithTags("Community").RequireAuthorization(Policies.Admins);
        OpenAccountHandler.MapEndpoint(accounts);
        ChangeAccountHandler.MapEndpoints(accounts);
        ListAccountsHandler.MapEndpoints(accounts);

        var people = endpoints.MapGroup("/api/community/people").WithTags("Community");
        var organisations = endpoints.MapGroup("/api/community/organisations").WithTags("Community");
        ListPeopleHandler.MapEndpoints(people, organisations);
        ManagePeopleHandler.MapEndpoints(people);
        ManageOrganisationsHandler.MapEndpoints(organisations);
        AreasHandler.MapEndpoints(endpoints);
        ListMailingsHandler.MapEndpoints(endpoints);
        DeadLettersHandler.MapEndpoints(endpoints);

        var subscriptions = endpoints.MapGroup("/api/community/subscriptions").WithTags("Community");
        SubscribeHandler.MapEndpoint(subscriptions);
        ConfirmAndUnsubscribeHandler.MapEndpoints(subscriptions);
        PersonalDataHandler.MapEndpoints(endpoints);
        SelfServiceHandler.MapEndpoints(endpoints);
    }
}
