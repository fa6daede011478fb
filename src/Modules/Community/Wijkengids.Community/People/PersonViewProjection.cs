using JasperFx.Events;
using Marten.Events.Aggregation;
using Wijkengids.Platform.PersonalData;

namespace Wijkengids.Community.People;

/// <summary>
/// Builds <see cref="PersonView"/> from a person's events, inline with every change. Name, affiliation and bio are revealed
/// with the person's key; after an erasure they cannot be, and the view is empty, as the erasure left it.
/// </summary>
internal sealed class PersonViewProjection(MasterKey masterKey) : SingleStreamProjection<PersonView, Guid>
{
    public override async ValueTask<PersonView?> EvolveAsync(PersonView? view, Guid id, IQuerySession session, IEvent e,
        CancellationToken cancellation)
    {
        async Task<string?> Reveal(Sealed? value) => await PersonalDataVault.RevealInProjectionAsync(session, masterKey, value, cancellation);
        switch (e.Data)
        {
            case PersonRegistered registered:
                view = new PersonView
                {
                    Id = id, Name = await Reveal(registered.Name) ?? "", OrganisationId = registered.OrganisationId,
                    Affiliation = await Reveal(registered.Affiliation), Bio = await Reveal(registered.Bio),
                };
                break;
            case PersonDetailsChanged changed when view is not null:
                view.Name = await Reveal(changed.Name) ?? "";
                view.OrganisationId = changed.OrganisationId;
                view.Affiliation = await Reveal(changed.Affiliation);
                view.Bio = await Reveal(changed.Bio);
                break;
            case PersonRoleAdded added when view is not null:
                view.Roles.Add(new PersonRole(added.Role, added.Team, added.Position));
                break;
            case PersonRoleRemoved removed when view is not null:
                if (view.Roles.FindIndex(r => r.Role == removed.Role && r.Team == removed.Team) is var index and >= 0) view.Roles.RemoveAt(index);
                break;
            case PersonErased when view is not null:
                (view.Name, view.Affiliation, view.Bio, view.OrganisationId, view.Erased) = ("", null, null, null, true);
                view.Roles = [];
                break;
        }
        if (view is not null) view.Version = e.Version;
        return view;
    }
}
