namespace Wijkengids.Tests.Architecture;

/// <summary>The repository the tests read the sources of.</summary>
internal static class Repository
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Wijkengids.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Wijkengids.sln niet gevonden boven " + AppContext.BaseDirectory);
    }
}
