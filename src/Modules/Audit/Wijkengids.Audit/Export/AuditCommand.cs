using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Export;

/// <summary>
/// `dotnet run --project src/Host -- audit verify &lt;file&gt; [--volledig]`: checks an export offline, without a database.
/// Exit code 0 when in order, 1 when not, 2 when the file cannot be read.
/// `audit repair-chain [--door NAAM] [--reden TEKST]` takes late tombstones that the chain passed under the code before
/// docs/adr/0070 into the chain as late arrivals and records that as an event (docs/adr/0071).
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
                                 "audit repair-chain [--door NAAM] [--reden TEKST]: neem late tombstones op in de hashketen (vastgelegd als gebeurtenis); " +
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
            case ["repair-chain", .. var options]:
                return await RepairChainAsync(options, services, cancellationToken);
            case ["demo", .. var options]:
                return await DemoAsync(options, services, cancellationToken);
            default:
                await output.WriteLineAsync("Gebruik: audit verify <bestand> [--volledig]  |  audit repair-chain [--door NAAM] [--reden TEKST]  |  audit demo [--events N] [--dagen D]  |  audit demo --rate R --seconden S");
                return 2;
        }
    }

    /// <summary>How long the command waits for the chain to take the tombstones (the daemon of this or another host).</summary>
    private static readonly TimeSpan RepairWait = TimeSpan.FromSeconds(60);

    /// <summary>Exit code 0 when every break found was a late tombstone and is repaired, 1 when others remain, 2 on a timeout.</summary>
    private async Task<int> RepairChainAsync(string[] options, IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var plan = await Integrity.ChainRepair.FindAsync(store, cancellationToken);
        foreach (var (position, type) in plan.Others)
        {
            await output.WriteLineAsync($"Niet hersteld: positie {position} ({type}) staat niet in de keten en is geen tombstone. " +
                                        "Dat kan een ingevoegde gebeurtenis zijn; onderzoek dit (zie /audit/verificatie).");
        }
        if (plan.LateTombstones.Count == 0)
        {
            await output.WriteLineAsync(plan.Others.Count == 0 ? "Niets te herstellen: de keten heeft geen breuk door een late tombstone." : "Geen late tombstones gevonden.");
            return plan.Others.Count == 0 ? 0 : 1;
        }
        var operatorName = Option(options, "--door") ?? $"{Environment.UserName}@{Environment.MachineName}";
        await Integrity.ChainRepair.RecordAsync(store, plan.LateTombstones, operatorName, Option(options, "--reden"), cancellationToken);
        await output.WriteLineAsync($"Herstel vastgelegd (door {operatorName}): {plan.LateTombstones.Count} late tombstone(s) op positie(s) " +
                                    $"{string.Join(", ", plan.LateTombstones)} worden als late schakels opgenomen.");
        var deadline = DateTimeOffset.UtcNow + RepairWait;
        while (await Integrity.ChainRepair.ChainedAsync(store, plan.LateTombstones, cancellationToken) < plan.LateTombstones.Count)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                await output.WriteLineAsync("De keten heeft ze nog niet opgenomen; dat gebeurt zodra de projectiedaemon van een draaiende host " +
                                            "weer gebeurtenissen verwerkt. Controleer daarna op /audit/verificatie.");
                return 2;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
        await output.WriteLineAsync("Opgenomen in de keten. Controleer de keten op /audit/verificatie of met GET /api/audit/verify.");
        return plan.Others.Count == 0 ? 0 : 1;
    }

    private static string? Option(string[] options, string name)
    {
        var at = Array.IndexOf(options, name);
        return at >= 0 && at + 1 < options.Length && !string.IsNullOrWhiteSpace(options[at + 1]) ? options[at + 1] : null;
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
