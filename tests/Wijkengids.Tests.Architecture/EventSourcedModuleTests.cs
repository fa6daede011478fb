namespace Wijkengids.Tests.Architecture;

/// <summary>
/// Modules converted to the one way of writing (docs/adr/0089): their handlers append events and leave saving to the unit
/// of work; their read models are projections, never stored by a handler. Read from the sources, so a handler that slips
/// back into the old way fails here.
/// </summary>
public sealed partial class EventSourcedModuleTests
{
    public static TheoryData<string> ConvertedModules() => ["Content", "Contributions", "Community", "Workshops"];

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

    /// <summary>
    /// Files that keep operational records as documents on purpose, each with the decision that says why. Nothing else of a
    /// converted module may save or store documents itself.
    /// </summary>
    private static readonly Dictionary<string, string[]> OperationalRecords = new()
    {
        // docs/adr/0092: mail deliveries, their attempts, the development mailbox, dead-letter replays and used single-use
        // links are the outbox's records for at-most-once sending and replay protection, not facts of co-creation.
        ["Community"] = ["Mail/Delivery.cs", "Mail/DeadLetters.cs", "Mail/Mail.cs", "Shared/SignedTokens.cs"],
    };

    [Theory]
    [MemberData(nameof(ConvertedModules))]
    public void Handlers_neither_save_nor_store_documents_themselves(string module)
    {
        var folder = ModuleFolder(module);
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            var relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            if (OperationalRecords.TryGetValue(module, out var allowed) && allowed.Contains(relative)) continue;
            var text = File.ReadAllText(file);
            // A startup step (upgrade, seed) or a command-line tool runs outside any request and saves its own session.
            if (text.Contains(": IHostedService") || text.Contains(": UpgradeStep(") || text.Contains(": ICommandLineCommand")) continue;
            foreach (var forbidden in new[] { "SaveChangesAsync(", "EnrollWith(" })
            {
                if (text.Contains(forbidden)) offenders.Add($"{relative}: {forbidden}");
            }
            // A projection stores the documents it builds from the events.
            if (text.Contains(": EventProjection") || text.Contains("Projection<")) continue;
            foreach (System.Text.RegularExpressions.Match store in StoreCall().Matches(text))
            {
                if (!NotAggregates.ContainsKey(store.Groups["type"].Value)) offenders.Add($"{relative}: {store.Value}");
            }
        }
        Assert.True(offenders.Count == 0, "Zelf opslaan in plaats van via de unit of work en projecties:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_files_with_operational_records_exist()
    {
        foreach (var (module, files) in OperationalRecords)
        {
            Assert.All(files, f => Assert.True(File.Exists(Path.Combine(ModuleFolder(module), f)),
                $"{module}: {f} bestaat niet (meer); haal het uit de uitzonderingen."));
        }
    }

    private static string ModuleFolder(string module) => Path.Combine(Repository.Root(), "src", "Modules", module, $"Wijkengids.{module}");

    [System.Text.RegularExpressions.GeneratedRegex(@"\.(Store|Insert)\((new (\w+\.)*(?<type>\w+))?")]
    private static partial System.Text.RegularExpressions.Regex StoreCall();
}
