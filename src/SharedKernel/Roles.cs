namespace Wijkengids.SharedKernel;

/// <summary>The roles of the platform. Anonymous visitors are readers and have no role.</summary>
public static class Roles
{
    public const string Contributor = "contributor";
    public const string Editor = "editor";
    public const string Organiser = "organiser";
    public const string Funder = "funder";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Contributor, Editor, Organiser, Funder, Auditor, Admin];

    public static string DutchName(string role) => role switch
    {
        Contributor => "bijdrager",
        Editor => "redacteur",
        Organiser => "organisator werkateliers",
        Funder => "financier (BZK)",
        Auditor => "auditor",
        Admin => "beheerder",
        _ => role,
    };
}

/// <summary>Authorization policy names shared by all modules.</summary>
public static class Policies
{
    public const string Editors = "editors";
    public const string Contributors = "contributors";
    public const string Organisers = "organisers";
    public const string Funders = "funders";
    public const string Auditors = "auditors";
    public const string Admins = "admins";
}
