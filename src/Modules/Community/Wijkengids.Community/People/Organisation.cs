namespace Wijkengids.Community.People;

/// <summary>An organisation's write model: rebuilt from its stream, it decides a change of name or kind.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";

    public static OrganisationRegistered Register(Guid id, string name, string kind) => new(id, name.Trim(), kind);

    public static Organisation Create(OrganisationRegistered e) => new() { Id = e.OrganisationId, Name = e.Name, Kind = e.Kind };

    public void Apply(OrganisationChanged e) => (Name, Kind) = (e.Name, e.Kind);

    /// <summary>A new name and/or kind; nothing when both stay as they are.</summary>
    public OrganisationChanged? Change(string name, string kind)
    {
        name = name.Trim();
        return Name == name && Kind == kind ? null : new OrganisationChanged(Id, name, kind);
    }
}
