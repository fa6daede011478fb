using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Export;

/// <summary>
/// `dotnet run --project src/Host -- audit verify &lt;file&gt; [--volledig]`: checks an export offline, without a database.
/// Exit code 0 when in order, 1 when not, 2 when the file cannot be read.
/// </summary>
public sealed class AuditCommand(TextWriter output) : ICommandLineCommand
{
    public AuditCommand() : this(Console.Out)
    {
    }

    public string Name => "audit";

    public string Description => "audit verify <bestand> [--volledig]: controleer een audit-export (CSV of JSON Lines) zonder database";

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
            default:
                await output.WriteLineAsync("Gebruik: audit verify <bestand> [--volledig]");
                return 2;
        }
    }
}
