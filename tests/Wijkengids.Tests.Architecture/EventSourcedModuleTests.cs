namespace Wijkengids.Tests.Architecture;

/// <summary>
/// Modules converted to the one way of writing (docs/adr/0089): their handlers append events and leave saving to the unit
/// of work; their read models are projections, never stored by a handler. Read from the sources, so a handler that slips
/// back into the old way fails here. A module joins the list when its conversion lands.
/// </summary>
public sealed partial class EventSourcedModuleTests
{
    public static TheoryData<string> ConvertedModules() => ["Content", "Contributions", "Workshops"];

    /// <summary>
    /// Documents a handler may store because they are no aggregate of the module, each with its reason. Everything else
    /// a page shows comes from a projection of the module's events.
    /// </summary>
    private static readonly Dictionary<string, string> NotAggregates = new()
    {
        // Content keeps the names other modules published (AccountOpened, ProposalAccepted) to show who wrote what;
        // the facts are in Community's and Contributions' events.
        ["PersonName"] = "a copy of a name another module published",
        // The key of the public page cache: moves on when something readers see changed, also in another module.
        ["GuideVersion"] = "the page cache's version",
    };

    [Theory]
    [MemberData(nameof(ConvertedModules))]
    public void Handlers_neither_save_nor_store_documents_themselves(string module)
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Modules", module, $"Wijkengids.{module}");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            var text = File.ReadAllText(file);
            // A startup step (upgrade, seed) or a command-line tool runs outside any request and saves its own session.
            if (text.Contains(": IHostedService") || text.Contains(": ICommandLineCommand")) continue;
            var name = Path.GetRelativePath(folder, file);
            foreach (var forbidden in new[] { "SaveChangesAsync(", "EnrollWith(" })
            {
                if (text.Contains(forbidden)) offenders.Add($"{name}: {forbidden}");
            }
            // A projection stores the documents it builds from the events.
            if (text.Contains(": EventProjection") || text.Contains("Projection<")) continue;
            foreach (System.Text.RegularExpressions.Match store in StoreCall().Matches(text))
            {
                var type = store.Groups["type"].Value;
                if (!NotAggregates.ContainsKey(type)) offenders.Add($"{name}: {store.Value}");
            }
        }
        Assert.True(offenders.Count == 0, "Zelf opslaan in plaats van via de unit of work en projecties:\n" + string.Join("\n", offenders));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\.(Store|Insert)\((new (\w+\.)*(?<type>\w+))?")]
    private static partial System.Text.RegularExpressions.Regex StoreCall();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Wijkengids.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Wijkengids.sln niet gevonden boven " + AppContext.BaseDirectory);
    }
}
