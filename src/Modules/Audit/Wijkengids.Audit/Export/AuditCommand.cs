using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Export;

/// <summary>
/// `dotnet run --project src/Host -- audit verify &lt;file&gt; [--volledig]`: checks an export offline, without a database.
/// Exit code 0 when in order, 1 when not, 2 when the file cannot be read.
/// `audit demo [--events N] [--dagen D]` fills the store with demo history; `audit demo --rate R --seconden S` measures
/// the projections' lag under a steady load. Both refuse to run in Production.
/// </summary>
public sealed class AuditCommand(TextWriter output) : ICommandLineCommand
{
    public AuditCommand() : this(Console.Out)
    {
    }

    public string Name => "audit";

    public string Description => "audit verify <bestand> [--volledig]: controleer een audit-export (CSV of JSON Lines) zonder database; " +
                                 "audit demo [--events N] [--dagen D] | [--rate R --seconden S]: demogeschiedenis en vertragingsmeting";

    public bool NeedsDatabase(string[] args) => args.FirstOrDefault() != "verify";

    public async Task<int> RunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken)
    {
        switch (args)
        {
            case ["verify", var path, .. var options]:
                var complete = options.Contains("--volledig") || options.Contains("--complete");
                if (!File.Exists(path))
                {
                    await output.WriteLineAsync($"Bestand niet gevonden: {path}");
                    return 2;
                }
                try
                {
                    var result = await OfflineVerifier.VerifyAsync(path, cancellationToken);
                    foreach (var line in OfflineVerifier.Describe(path, result, complete)) await output.WriteLineAsync(line);
                    return result.Passed(complete) ? 0 : 1;
                }
                catch (Exception e) when (e is FormatException or IOException or System.Text.Json.JsonException)
                {
                    await output.WriteLineAsync($"Het bestand kon niet worden gelezen als audit-export: {e.Message}");
                    return 2;
                }
            case ["demo", .. var options]:
                return await DemoAsync(options, services, cancellationToken);
            default:
                await output.WriteLineAsync("Gebruik: audit verify <bestand> [--volledig]  |  audit demo [--events N] [--dagen D]  |  audit demo --rate R --seconden S");
                return 2;
        }
    }

    private async Task<int> DemoAsync(string[] options, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            await output.WriteLineAsync("Demogegevens horen niet in Production. Gebruik een ontwikkel- of testdatabase (ASPNETCORE_ENVIRONMENT=Development).");
            return 2;
        }
        int Option(string name, int fallback)
        {
            var at = Array.IndexOf(options, name);
            return at >= 0 && at + 1 < options.Length && int.TryParse(options[at + 1], out var value) && value > 0 ? value : fallback;
        }
        var generator = new Demo.DemoGenerator(services.GetRequiredService<IDocumentStore>(), output);
        if (options.Contains("--rate")) await generator.MeasureLagAsync(Option("--rate", 500), Option("--seconden", 30), cancellationToken);
        else await generator.GenerateAsync(Option("--events", 1_000_000), Option("--dagen", 30), cancellationToken);
        return 0;
    }
}
