using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;
using Wijkengids.Host;
using Wijkengids.Host.Infrastructure;
using Wijkengids.SharedKernel;
using Wolverine;
using Wolverine.Marten;

var modules = Modules.All;
if (await Cli.TryRunOfflineAsync(modules, args)) return;

var builder = WebApplication.CreateBuilder(args);

var connectionString = await Database.ResolveConnectionStringAsync(builder);

builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<IRequestContext, HttpRequestContext>();
builder.Services.AddPersonalDataVault();

// Async projections: Marten's daemon in Solo mode by default; with Wolverine:ManageProjections=true Wolverine
// distributes them over the nodes (for several hosts; docs/adr/0008).
var managedProjections = builder.Configuration.GetValue("Wolverine:ManageProjections", false);
var marten = builder.Services.AddMarten(options =>
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = "public";
        options.Events.DatabaseSchemaName = EventStore.Schema;
        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        options.Events.MetadataConfig.EnableAll();
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Events.AppendMode = EventAppendMode.Rich;
        // Appends wake the projection daemon through LISTEN/NOTIFY instead of waiting for its next poll (docs/adr/0034).
        options.Events.UseListenNotifyForEventAppends = true;
        options.ConfigurePersonalDataVault();
        options.Schema.For<DataProtectionKey>().DatabaseSchemaName(EventStore.PlatformSchema);
        foreach (var module in modules) module.ConfigureMarten(options);
    })
    .UseLightweightSessions()
    .BuildSessionsWith<StampedSessionFactory>()
    .IntegrateWithWolverine(integration =>
    {
        integration.MessageStorageSchemaName = EventStore.MessagingSchema;
        integration.UseWolverineManagedEventSubscriptionDistribution = managedProjections;
    })
    .ApplyAllDatabaseChangesOnStartup();
if (!managedProjections) marten.AddAsyncDaemon(builder.Configuration.GetValue("Marten:DaemonMode", DaemonMode.Solo));

builder.Host.UseWolverine(options =>
{
    options.Policies.AutoApplyTransactions();
    options.Policies.UseDurableLocalQueues();
    options.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
    options.EnableRelayOfUserName = true;
    // Modules keep their services internal; Wolverine may resolve those from the container (and says so in the log).
    options.ServiceLocationPolicy = ServiceLocationPolicy.AllowedButWarn;
    options.Durability.MessageStorageSchemaName = EventStore.MessagingSchema;
    // Retries with backoff for transient database errors, dead letters after that, fast recovery from dead nodes (docs/adr/0081).
    options.UseResilientMessaging();
    // Runtime compilation by default; "Static" uses code written by `codegen write` (docs/adr/0006).
    options.CodeGeneration.TypeLoadMode = builder.Configuration.GetValue("Wolverine:TypeLoadMode", TypeLoadMode.Dynamic);
    foreach (var module in modules) module.ConfigureWolverine(options);
});

builder.Services.AddWebPlatform(builder.Configuration, builder.Environment);
foreach (var module in modules) module.AddServices(builder.Services, builder.Configuration);

var app = builder.Build();

app.UseWebPlatform();
foreach (var module in modules) module.MapEndpoints(app);
app.MapPlatformEndpoints();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/scalar", scalar => scalar
    .WithTitle("Wijkengids API")
    .WithOpenApiRoutePattern("/openapi/{documentName}.json"));

if (await Cli.TryRunAsync(app, args)) return;

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();

public partial class Program;
