namespace Wijkengids.Community.People;

/// <summary>
/// A listed person's write model: rebuilt from its stream, it decides the changes of their details and public roles. It
/// holds no personal data (the name, affiliation and bio stay sealed in the events), only the roles and whether the person
/// was erased.
/// </summary>
public sealed class Person
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public List<PersonRole> Roles { get; set; } = [];
    public bool Erased { get; set; }

    public static Person Create(PersonRegistered e) => new() { Id = e.PersonId };

    public void Apply(PersonDetailsChanged _) { }
    public void Apply(PersonRoleAdded e) => Roles.Add(new PersonRole(e.Role, e.Team, e.Position));

    public void Apply(PersonRoleRemoved e)
    {
        if (Roles.FindIndex(r => r.Role == e.Role && r.Team == e.Team) is var index and >= 0) Roles.RemoveAt(index);
    }

    public void Apply(PersonErased _)
    {
        Erased = true;
        Roles = [];
    }

    /// <summary>New details (sealed by the caller; only when they differ from what the site shows).</summary>
    public PersonDetailsChanged ChangeDetails(Sealed name, Guid? organisationId, Sealed? affiliation, Sealed? bio)
    {
        EnsureNotErased();
        return new PersonDetailsChanged(Id, name, organisationId, affiliation, bio);
    }

    /// <summary>
    /// The person holds exactly <paramref name="wanted"/> afterwards (a co-creator's team counts; other roles have none): the
    /// roles they hold no longer are removed, the new ones go to the end of their list, at <paramref name="nextPosition"/>.
    /// </summary>
    public IReadOnlyList<object> ChangeRoles(IEnumerable<RoleInput> wanted, Func<string, string?, int> nextPosition)
    {
        EnsureNotErased();
        return RoleChanges(Id, Roles, wanted, nextPosition);
    }

    /// <summary>The roles of a person being registered (who holds none yet).</summary>
    public static IReadOnlyList<object> FirstRoles(Guid id, IEnumerable<RoleInput> wanted, Func<string, string?, int> nextPosition) =>
        RoleChanges(id, [], wanted, nextPosition);

    public PersonErased? Erase() => Erased ? null : new PersonErased(Id);

    private static List<object> RoleChanges(Guid id, IReadOnlyList<PersonRole> held, IEnumerable<RoleInput> wanted, Func<string, string?, int> nextPosition)
    {
        var target = wanted.Select(r => (r.Role, Team: r.Role == PersonRoles.CoCreator ? r.Team : null)).Distinct().ToList();
        var events = new List<object>();
        events.AddRange(held.Where(r => !target.Contains((r.Role, r.Team))).Select(r => new PersonRoleRemoved(id, r.Role, r.Team)));
        foreach (var (role, team) in target.Where(t => !held.Any(r => r.Role == t.Role && r.Team == t.Team)))
        {
            events.Add(new PersonRoleAdded(id, role, team, nextPosition(role, team)));
        }
        return events;
    }

    private void EnsureNotErased()
    {
        if (Erased) throw new RuleViolationException("De gegevens van deze persoon zijn gewist; er kan niets meer bij.");
    }
}
