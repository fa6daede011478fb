using Wijkengids.Community.People;
using Wijkengids.SharedKernel;

namespace Wijkengids.Tests.Unit.Community;

public sealed class PeopleDecisionTests
{
    private static Sealed S(Guid id) => new(id, "x");

    private static Person Registered(params PersonRoleAdded[] roles)
    {
        var id = Guid.NewGuid();
        return Person.Create(new PersonRegistered(id, S(id), null, null, null)).Applied(roles.Select(r => r with { PersonId = id }));
    }

    [Fact]
    public void New_roles_go_to_the_end_of_their_list_and_a_co_creators_team_counts()
    {
        var id = Guid.NewGuid();
        var roles = Person.FirstRoles(id,
            [new RoleInput(PersonRoles.Trainer, "genegeerd"), new RoleInput(PersonRoles.CoCreator, "Platform31"), new RoleInput(PersonRoles.Trainer, null)],
            (role, team) => role == PersonRoles.Trainer ? 7 : 3);
        Assert.Equal([new PersonRoleAdded(id, PersonRoles.Trainer, null, 7), new PersonRoleAdded(id, PersonRoles.CoCreator, "Platform31", 3)], roles);
    }

    [Fact]
    public void Changing_roles_removes_what_is_no_longer_held_keeps_the_position_of_the_rest_and_adds_the_new()
    {
        var person = Registered(new PersonRoleAdded(Guid.Empty, PersonRoles.Trainer, null, 2), new PersonRoleAdded(Guid.Empty, PersonRoles.Ambassador, null, 5));
        var changes = person.ChangeRoles([new RoleInput(PersonRoles.Trainer, null), new RoleInput(PersonRoles.CoCreator, "Platform31")], (_, _) => 9);
        Assert.Equal(
            [new PersonRoleRemoved(person.Id, PersonRoles.Ambassador, null), new PersonRoleAdded(person.Id, PersonRoles.CoCreator, "Platform31", 9)],
            changes);
        person.Applied(changes);
        Assert.Equal([new PersonRole(PersonRoles.Trainer, null, 2), new PersonRole(PersonRoles.CoCreator, "Platform31", 9)], person.Roles);
        Assert.Empty(person.ChangeRoles([new RoleInput(PersonRoles.CoCreator, "Platform31"), new RoleInput(PersonRoles.Trainer, null)], (_, _) => 1));
    }

    [Fact]
    public void An_erased_person_is_erased_once_and_nothing_can_be_added()
    {
        var person = Registered(new PersonRoleAdded(Guid.Empty, PersonRoles.Trainer, null, 1));
        person.Applied(Assert.IsType<PersonErased>(person.Erase()));
        Assert.Empty(person.Roles);
        Assert.Null(person.Erase());
        Assert.Throws<RuleViolationException>(() => person.ChangeDetails(S(person.Id), null, null, null));
        Assert.Throws<RuleViolationException>(() => person.ChangeRoles([], (_, _) => 1));
    }

    [Fact]
    public void An_organisation_changes_only_when_its_name_or_kind_differs()
    {
        var id = Guid.NewGuid();
        var organisation = Organisation.Create(Organisation.Register(id, " Wijkcoöperatie ", "bewoners"));
        Assert.Equal("Wijkcoöperatie", organisation.Name);
        Assert.Null(organisation.Change("Wijkcoöperatie ", "bewoners"));
        var changed = organisation.Change("Wijkcoöperatie Noord", "stichting");
        Assert.Equal(new OrganisationChanged(id, "Wijkcoöperatie Noord", "stichting"), changed);
        organisation.Applied(changed);
        Assert.Null(organisation.Change("Wijkcoöperatie Noord", "stichting"));
    }
}
