using System.Text.RegularExpressions;

namespace Wijkengids.Tests.Architecture;

/// <summary>
/// Tests wait for what a step causes (Wolverine's tracked sessions, the daemon's progress, a signal from the host), never for
/// a fixed time: a sleep is too short on a busy machine and too long on an idle one.
/// </summary>
public sealed partial class TestWaitingTests
{
    /// <summary>Test sources that may sleep, each with its reason. Keep it empty.</summary>
    private static readonly Dictionary<string, string> Allowed = new();

    [Fact]
    public void No_test_sleeps_for_a_fixed_time()
    {
        var root = Repository.Root();
        var separator = Path.DirectorySeparatorChar;
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}") && !f.Contains($"{separator}bin{separator}"))
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace(separator, '/'), Text: File.ReadAllText(f)))
            .Where(f => !Allowed.ContainsKey(f.Path))
            .SelectMany(f => Sleep().Matches(f.Text).Select(m => $"{f.Path}:{LineOf(f.Text, m.Index)}: {m.Value}"))
            .ToList();
        Assert.True(offenders.Count == 0,
            "Tests die een vaste tijd wachten (wacht op de oorzaak: een tracked session, de voortgang van de daemon of een signaal):\n" +
            string.Join("\n", offenders));
    }

    [Fact]
    public void The_check_finds_every_kind_of_sleep()
    {
        // Put together here, so that this file does not hold what it looks for.
        var sleeps = string.Join("; ", new[] { "await Task.Delay", "Thread.Sleep", "await page.WaitForTimeoutAsync" }.Select(s => s + "(100)"));
        Assert.Equal(3, Sleep().Matches(sleeps).Count);
        Assert.Empty(Sleep().Matches("await host.TrackedAsync(_ => step()); await Task.WhenAll(tasks);"));
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    /// <summary>Task.Delay, Thread.Sleep and Playwright's WaitForTimeoutAsync.</summary>
    [GeneratedRegex(@"\b(Task\.Delay|Thread\.Sleep|WaitForTimeoutAsync)\s*\(")]
    private static partial Regex Sleep();
}
