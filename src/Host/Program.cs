using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;
using Wijkengids.Host;
using Wijkengids.Host.Infrastructure;
using Wijkengids.Platform.PersonalData;
using Wijkengids.Platform;
using Wijkengids.SharedKernel;
using Wolverine;
using Wolverine.Marten;

var modules = Modules.All;
if (await Cli.TryRunOfflineAsync(modules, args)) return;

var builder = WebApplication.CreateBuilder(args);
if (await Cli.TryRunWithoutHostAsync(builder, args)) return;

var isCommand = Cli.IsCommand(args);
var connectionString = await Database.ResolveConnectionStringAsync(builder, isCommand);
// Protects the keys kept in the database (data protection, the vault); required outside Development (docs/adr/0073).
builder.Services.AddSingleton(MasterKeys.Resolve(builder.Configuration, builder.Environment));

builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<IRequestContext, HttpRequestContext>();
builder.Services.AddPersonalDataVault();

// Async projections: Marten's daemon in Solo mode by default; with Wolverine:ManageProjections=true Wolverine
// distributes them over the nodes (for several hosts; docs/adr/0008). An advisory lock refuses a second Solo host, or a
// mix of modes, on one database; a command runs the daemon itself only when no host runs (docs/adr/0085).
var daemonMode = builder.Configuration.GetValue("Marten:DaemonMode", DaemonMode.Solo);
var managedProjections = !isCommand && builder.Configuration.GetValue("Wolverine:ManageProjections", false);
var projectionLock = isCommand
    ? await ProjectionHostLock.TryAcquireForCommandAsync(connectionString)
    : managedProjections || daemonMode == DaemonMode.Solo
        ? await ProjectionHostLock.AcquireForHostAsync(connectionString, managedProjections)
        : null;
if (isCommand) daemonMode = projectionLock is null ? DaemonMode.Disabled : DaemonMode.Solo;
if (projectionLock is not null)
{
    builder.Services.AddSingleton(projectionLock);
    builder.Services.AddHostedService<ProjectionHostLockKeeper>();
}
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
        // Status enums are compared by their stored strings in LINQ and indexes; before the modules declare their indexes (docs/adr/0096).
        options.UseStableEnumStrings();
        foreach (var module in modules) module.ConfigureMarten(options);
    })
    .UseLightweightSessions()
    .BuildSessionsWith<StampedSessionFactory>()
    .IntegrateWithWolverine(integration =>
    {
        integration.MessageStorageSchemaName = EventStore.MessagingSchema;
        integration.UseWolverineManagedEventSubscriptionDistribution = managedProjections;
    })
    .ApplyAllDatabaseChangesOnStartup()
    .InitializeWith<ProtectKeysAtRest>();
if (!managedProjections) marten.AddAsyncDaemon(daemonMode);

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
    // A command is a short-lived node: it must not lead the cluster (and so decide where projections run).
    if (isCommand) options.Durability.LeadershipEligible = false;
    // Several hosts: a host that stops heartbeating is declared dead after Wolverine:NodeTimeoutSeconds (default 5)
    // and its projections move to the others within seconds instead of a minute. Tighter than the messaging timings
    // above, so it comes after them (docs/adr/0084).
    var nodeTimeout = TimeSpan.FromSeconds(Math.Max(2, builder.Configuration.GetValue("Wolverine:NodeTimeoutSeconds", 5)));
    options.Durability.StaleNodeTimeout = nodeTimeout;
    options.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(Math.Max(1, nodeTimeout.TotalSeconds / 5));
    options.Durability.FirstHealthCheckExecution = TimeSpan.FromSeconds(1);
    options.Durability.CheckAssignmentPeriod = TimeSpan.FromSeconds(10);
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
