namespace Wijkengids.Tests.Architecture;

/// <summary>
/// Modules converted to the one way of writing (docs/adr/0089): their handlers append events and leave saving to the unit
/// of work; their read models are projections, never stored by a handler. Read from the sources, so a handler that slips
/// back into the old way fails here. A module joins the list when its conversion lands.
/// </summary>
public sealed class EventSourcedModuleTests
{
    public static TheoryData<string> ConvertedModules() => ["Contributions", "Community"];

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
        var folder = Path.Combine(RepositoryRoot(), "src", "Modules", module, $"Wijkengids.{module}");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            var relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            if (OperationalRecords.TryGetValue(module, out var allowed) && allowed.Contains(relative)) continue;
            var text = File.ReadAllText(file);
            // A startup upgrade step runs outside any request and saves its own session.
            if (text.Contains(": IHostedService")) continue;
            foreach (var forbidden in new[] { "SaveChangesAsync(", "EnrollWith(", ".Store(", ".Insert(" })
            {
                if (text.Contains(forbidden)) offenders.Add($"{relative}: {forbidden}");
            }
        }
        Assert.True(offenders.Count == 0, "Zelf opslaan in plaats van via de unit of work en projecties:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_files_with_operational_records_exist()
    {
        foreach (var (module, files) in OperationalRecords)
        {
            var folder = Path.Combine(RepositoryRoot(), "src", "Modules", module, $"Wijkengids.{module}");
            Assert.All(files, f => Assert.True(File.Exists(Path.Combine(folder, f)), $"{module}: {f} bestaat niet (meer); haal het uit de uitzonderingen."));
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Wijkengids.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Wijkengids.sln niet gevonden boven " + AppContext.BaseDirectory);
    }
}
