using System.Text.Json;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>
/// Solo mode is for one host: a second host on the same database is refused with a clear message, while a command
/// beside the running host still works and leaves the projecting to the host (docs/adr/0085).
/// </summary>
public sealed class SoloModeTests
{
    [Fact]
    public async Task A_second_host_on_a_database_with_a_solo_host_is_refused_and_a_command_beside_it_still_works()
    {
        var connection = await TestDatabase.CreateDatabaseAsync("solo");
        await using var first = await AppFactory.StartOnAsync(connection);

        var secondSolo = await Assert.ThrowsAnyAsync<Exception>(() => AppFactory.StartOnAsync(connection));
        var message = Messages(secondSolo);
        Assert.Contains("Er draait al een host (of een commando) in Solo-modus op deze database", message);
        Assert.Contains("Wolverine:ManageProjections=true", message);

        var managed = await Assert.ThrowsAnyAsync<Exception>(() => AppFactory.StartOnAsync(connection,
            new Dictionary<string, string?> { ["Wolverine:ManageProjections"] = "true" }));
        Assert.Contains("Solo-modus op deze database", Messages(managed));

        // A command in its own host beside the running site: it appends demo history, and the site's daemon projects it.
        var exitCode = await RunCommandAsync(connection, "audit", "demo", "--events", "40", "--dagen", "1");
        Assert.Equal(0, exitCode);
        var auditor = await first.LoginAsRoleAsync("auditor");
        var timeline = await first.Scenario(s => { s.Get.Url("/api/audit/timeline?module=content&limit=100"); s.As(auditor); });
        Assert.NotEmpty(timeline.TimelineEntries());

        // The first host still serves and is the one running the projections.
        var ready = await first.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBe(200); });
        Assert.Equal("Healthy", ready.ReadAsText());
    }

    /// <summary>Runs `dotnet run --project src/Host -- args…` in this process, as its entry point, and returns its exit code.</summary>
    private static async Task<int> RunCommandAsync(string connection, params string[] args)
    {
        var entryPoint = typeof(Program).Assembly.EntryPoint!;
        string[] all = [.. args, "--environment=Development", $"--ConnectionStrings:Wijkengids={connection}", "--urls=http://127.0.0.1:0"];
        Environment.ExitCode = 0;
        await Task.Run(() => entryPoint.Invoke(null, [all]));
        var exitCode = Environment.ExitCode;
        Environment.ExitCode = 0;
        return exitCode;
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException) messages.Add(e.Message);
        if (error is AggregateException aggregate) messages.AddRange(aggregate.InnerExceptions.Select(Messages));
        return string.Join(" | ", messages);
    }
}
