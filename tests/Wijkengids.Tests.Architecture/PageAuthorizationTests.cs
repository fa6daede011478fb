using System.Text.RegularExpressions;

namespace Wijkengids.Tests.Architecture;

/// <summary>Who may open a page is declared once per module (IModule.AuthorizePages), not on the page models (issue: one way for the edges).</summary>
public sealed class PageAuthorizationTests
{
    [Fact]
    public void No_page_model_in_a_module_carries_an_authorize_attribute()
    {
        var root = Repository.Root();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src", "Modules"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}Pages{Path.DirectorySeparatorChar}"))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"\[\s*(Microsoft\.AspNetCore\.Authorization\.)?(Authorize|AllowAnonymous)(Attribute)?\b"))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();
        Assert.True(offenders.Count == 0,
            "Paginamodellen met [Authorize]/[AllowAnonymous] (verklaar de toegang in de AuthorizePages van de module):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_host_declares_no_page_authorization_of_its_own()
    {
        var root = Repository.Root();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src", "Host"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"\.(AuthorizeFolder|AuthorizePage|AuthorizeAreaFolder|AuthorizeAreaPage)\("))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();
        Assert.True(offenders.Count == 0, "De host verklaart zelf toegang tot pagina's:\n" + string.Join("\n", offenders));
    }
}
