using JasperFx;
namespace Wijkengids.Host.Infrastructure;

/// <summary>
/// Commands run instead of the web server: `dotnet run --project src/Host -- &lt;command&gt;`.
/// Each module may contribute commands later (seed-demo, audit verify).
/// </summary>
internal static class Cli
{
    /// <summary>Marten's and Wolverine's own commands (e.g. `codegen write`, `db-apply`, `projections`).</summary>
    private static readonly HashSet<string> CritterStackCommands =
        ["codegen", "db-apply", "db-assert", "db-dump", "db-patch", "describe", "projections", "resources", "storage"];

    /// <summary>
    /// Commands that need neither the host nor a database (<see cref="Wijkengids.SharedKernel.ICommandLineCommand.NeedsDatabase"/>
    /// false), found in the modules' assemblies and run before anything starts, e.g. `audit verify &lt;file&gt;`.
    /// </summary>
    public static async Task<bool> TryRunOfflineAsync(IEnumerable<Wijkengids.SharedKernel.IModule> modules, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return false;
        var command = modules.Select(m => m.GetType().Assembly).Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Wijkengids.SharedKernel.ICommandLineCommand).IsAssignableFrom(t))
            .Where(t => t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (Wijkengids.SharedKernel.ICommandLineCommand)Activator.CreateInstance(t)!)
            .FirstOrDefault(c => c.Name == args[0] && !c.NeedsDatabase(args[1..]));
        if (command is null) return false;
        await using var services = new ServiceCollection().BuildServiceProvider();
        Environment.ExitCode = await command.RunAsync(args[1..], services, CancellationToken.None);
        return true;
    }

    /// <summary>
    /// True when the arguments name a command rather than host settings (`--key value`, `key=value`): such a process
    /// neither runs the site nor takes part in running the projections beside a site (docs/adr/0085).
    /// </summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    /// <summary>Commands of the host itself that need the configuration but not the host (e.g. `backup`, `restore`).</summary>
    private static readonly Wijkengids.SharedKernel.ICommandLineCommand[] HostCommands = [new BackupCommand(), new RestoreCommand()];

    /// <summary>
    /// Runs a host command that works with the configuration only: no schemas applied, no projections, no messaging,
    /// so `restore` finds an empty database empty. Its services are the configuration and the environment.
    /// </summary>
    public static async Task<bool> TryRunWithoutHostAsync(WebApplicationBuilder builder, string[] args)
    {
        if (!IsCommand(args) || HostCommands.FirstOrDefault(c => c.Name == args[0]) is not { } command) return false;
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(builder.Configuration)
            .AddSingleton<IHostEnvironment>(builder.Environment)
            .BuildServiceProvider();
        Environment.ExitCode = await command.RunAsync(args[1..], services, CancellationToken.None);
        return true;
    }

    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (!IsCommand(args)) return false;
        if (CritterStackCommands.Contains(args[0]))
        {
            // Taken before the command runs: it disposes the host's services when it is done.
            var cluster = app.Services.GetService<Wijkengids.LocalPostgres.LocalPostgresCluster>();
            try
            {
                Environment.ExitCode = await app.RunJasperFxCommands(args);
            }
            finally
            {
                if (cluster is not null) await cluster.StopAsync();
            }
            return true;
        }
        var command = app.Services.GetServices<Wijkengids.SharedKernel.ICommandLineCommand>()
            .FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            var known = app.Services.GetServices<Wijkengids.SharedKernel.ICommandLineCommand>().Select(c => c.Name).Concat(CritterStackCommands).Order();
            await Console.Error.WriteLineAsync($"Onbekend commando '{args[0]}'. Beschikbaar: {string.Join(", ", known)}.");
            Environment.ExitCode = 2;
            await StopEmbeddedClusterAsync(app);
            return true;
        }
        await app.StartAsync();
        try
        {
            Environment.ExitCode = await command.RunAsync(args[1..], app.Services, app.Lifetime.ApplicationStopping);
        }
        finally
        {
            await app.StopAsync();
        }
        return true;
    }

    /// <summary>A command that never starts the host must stop an embedded cluster itself: the host's lifetime would not.</summary>
    private static async Task StopEmbeddedClusterAsync(WebApplication app)
    {
        if (app.Services.GetService<Wijkengids.LocalPostgres.LocalPostgresCluster>() is { } cluster) await cluster.StopAsync();
    }
}
