using Wijkengids.Community.People;

namespace Wijkengids.Community.Pages.Redactie;

/// <summary>The fields of a person on the editors' pages; roles travel as "role" or "role|team".</summary>
public sealed record PersonForm(string Prefix, string? Name, Guid? OrganisationId, string? Affiliation, string? Bio, IReadOnlyList<string> Roles,
    IReadOnlyList<OrganisationSummary> Organisations)
{
    public static readonly IReadOnlyList<(string Value, string Label)> RoleChoices =
    [
        (PersonRoles.Ambassador, "ambassadeur"),
        .. PersonRoles.Teams.Select(t => ($"{PersonRoles.CoCreator}|{t}", $"co-creator ({t})")),
        (PersonRoles.Trainer, "trainer werkateliers"),
    ];

    public static IReadOnlyList<RoleInput> Parse(IEnumerable<string>? values) =>
        (values ?? []).Select(v => v.Split('|', 2)).Select(p => new RoleInput(p[0], p.Length > 1 ? p[1] : null)).ToList();

    public static IReadOnlyList<string> Format(IEnumerable<RoleSummary> roles) =>
        roles.Select(r => r.Team is null ? r.Role : $"{r.Role}|{r.Team}").ToList();
}
