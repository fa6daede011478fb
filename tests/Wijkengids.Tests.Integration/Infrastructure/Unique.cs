namespace Wijkengids.Tests.Integration.Infrastructure;

/// <summary>Data of one test's own, so that the classes sharing a host (<see cref="SharedHosts"/>) never meet.</summary>
public static class Unique
{
    /// <summary>An address no other test uses, recognisable by its name: <c>rita-…@example.nl</c>.</summary>
    public static string Email(string name) => $"{name}-{Guid.NewGuid():N}@example.nl";
}
