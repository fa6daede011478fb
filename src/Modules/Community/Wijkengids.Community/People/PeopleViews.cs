namespace Wijkengids.Community.People;

/// <summary>
/// A person as the site shows them, in clear text revealed from the sealed values: the inline projection of the person's
/// events (<see cref="PersonViewProjection"/>), masked on erasure.
/// </summary>
public sealed class PersonView
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public Guid? OrganisationId { get; set; }
    public string? Affiliation { get; set; }
    public string? Bio { get; set; }
    public List<PersonRole> Roles { get; set; } = [];
    public bool Erased { get; set; }
    public long Version { get; set; }
}

public sealed record PersonRole(string Role, string? Team, int Position);

/// <summary>An organisation: the inline projection of its events (<see cref="OrganisationViewProjection"/>).</summary>
public sealed class OrganisationView
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public long Version { get; set; }
}

public sealed record RoleSummary(string Role, string? Team, int Position);

public sealed record PersonSummary(Guid Id, string Name, Guid? OrganisationId, string? OrganisationName, string? Affiliation, string? Bio,
    IReadOnlyList<RoleSummary> Roles, long Version);

public sealed record OrganisationSummary(Guid Id, string Name, string Kind, long Version, IReadOnlyList<string> People);
