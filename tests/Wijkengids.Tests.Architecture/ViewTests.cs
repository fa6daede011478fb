namespace Wijkengids.Tests.Architecture;

/// <summary>Views show what their page model loaded; they run no queries of their own (issue: one way for the edges).</summary>
public sealed class ViewTests
{
    [Fact]
    public void No_view_injects_a_service()
    {
        var root = Repository.Root();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => File.ReadLines(f).Any(l => l.TrimStart().StartsWith("@inject ", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();
        Assert.True(offenders.Count == 0, "Views die zelf gegevens ophalen (laad ze in het paginamodel):\n" + string.Join("\n", offenders));
    }
}
