using System.Diagnostics;

namespace Wijkengids.Tests.Integration.Infrastructure;

/// <summary>Runs the built host as a separate process, as `dotnet run --project src/Host -- &lt;command&gt;` would.</summary>
internal static class HostProcess
{
    /// <param name="environment">Environment variables to set; a null value removes the variable.</param>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Wijkengids.Host.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token);
        return (process.ExitCode, await output + await error);
    }
}
