namespace Wijkengids.Community.People;

// Events of a person's and an organisation's stream: the truth from which the aggregates (Person, Organisation) and the
// read models (PersonView, OrganisationView) are rebuilt (docs/adr/0089). Name, affiliation and bio are personal data,
// sealed with the person's own key (docs/adr/0007, docs/adr/0020): erasing the person deletes the key and the listing
// disappears.

public sealed record PersonRegistered(Guid PersonId, Sealed Name, Guid? OrganisationId, Sealed? Affiliation, Sealed? Bio) : IDescribedEvent
{
    public string Describe() => "Persoon toegevoegd";
}

public sealed record PersonDetailsChanged(Guid PersonId, Sealed Name, Guid? OrganisationId, Sealed? Affiliation, Sealed? Bio) : IDescribedEvent
{
    public string Describe() => "Gegevens van persoon gewijzigd";
}

public sealed record PersonRoleAdded(Guid PersonId, string Role, string? Team, int Position) : IDescribedEvent
{
    public string Describe() => $"Rol {PersonRoles.DutchName(Role)}{(Team is null ? "" : " (" + Team + ")")} toegekend aan persoon";
}

public sealed record PersonRoleRemoved(Guid PersonId, string Role, string? Team) : IDescribedEvent
{
    public string Describe() => $"Rol {PersonRoles.DutchName(Role)}{(Team is null ? "" : " (" + Team + ")")} ingetrokken bij persoon";
}

public sealed record PersonErased(Guid PersonId) : IDescribedEvent
{
    public string Describe() => "Persoonsgegevens gewist (AVG)";
}

public sealed record OrganisationRegistered(Guid OrganisationId, string Name, string Kind) : IDescribedEvent
{
    public string Describe() => $"Organisatie {Name} toegevoegd";
}

public sealed record OrganisationChanged(Guid OrganisationId, string Name, string Kind) : IDescribedEvent
{
    public string Describe() => $"Organisatie {Name} gewijzigd";
}

/// <summary>The public roles a person can hold on the site.</summary>
public static class PersonRoles
{
    public const string Ambassador = "ambassadeur";
    public const string CoCreator = "co-creator";
    public const string Trainer = "trainer";

    public static readonly IReadOnlyList<string> All = [Ambassador, CoCreator, Trainer];

    /// <summary>The teams of co-creators, as on the original site.</summary>
    public static readonly IReadOnlyList<string> Teams = ["Ministerie van Binnenlandse Zaken", "Platform31"];

    public static string DutchName(string role) => role switch
    {
        Ambassador => "ambassadeur",
        CoCreator => "co-creator",
        Trainer => "trainer werkateliers",
        _ => role,
    };
}

/// <summary>Kinds of organisation.</summary>
public static class OrganisationKinds
{
    public static readonly IReadOnlyList<string> All =
        ["gemeente", "woningcorporatie", "ministerie", "kennisinstituut", "stichting", "bedrijf", "bewoners", "overig"];

    public static string DutchName(string kind) => kind switch
    {
        "gemeente" => "Gemeenten",
        "woningcorporatie" => "Woningcorporaties",
        "ministerie" => "Ministeries",
        "kennisinstituut" => "Kennisinstituten",
        "stichting" => "Stichtingen",
        "bedrijf" => "Bedrijven",
        "bewoners" => "Bewoners",
        _ => "Overige organisaties",
    };
}
