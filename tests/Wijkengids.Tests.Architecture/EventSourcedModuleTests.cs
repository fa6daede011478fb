namespace Wijkengids.Tests.Architecture;

/// <summary>
/// Modules converted to the one way of writing (docs/adr/0089): their handlers append events and leave saving to the unit
/// of work; their read models are projections, never stored by a handler. Read from the sources, so a handler that slips
/// back into the old way fails here. A module joins the list when its conversion lands.
/// </summary>
public sealed class EventSourcedModuleTests
{
    public static TheoryData<string> ConvertedModules() => ["Contributions", "Workshops"];

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
            // A startup upgrade step runs outside any request and saves its own session.
            if (text.Contains(": IHostedService")) continue;
            foreach (var forbidden in new[] { "SaveChangesAsync(", "EnrollWith(", ".Store(", ".Insert(" })
            {
                if (text.Contains(forbidden)) offenders.Add($"{Path.GetRelativePath(folder, file)}: {forbidden}");
            }
        }
        Assert.True(offenders.Count == 0, "Zelf opslaan in plaats van via de unit of work en projecties:\n" + string.Join("\n", offenders));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Wijkengids.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Wijkengids.sln niet gevonden boven " + AppContext.BaseDirectory);
    }
}
