using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.People;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Pages.Redactie;

public sealed class PersoonModel(IMediator mediator) : FormPageModel
{
    /// <summary>Several small forms on one page: the reasons go in the summary only.</summary>
    protected override string? FieldOf(string property) => null;

    [FromRoute] public Guid Id { get; set; }
    public PersonForm Form { get; private set; } = null!;
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public Guid? OrganisationId { get; set; }
    [BindProperty] public string? Affiliation { get; set; }
    [BindProperty] public string? Bio { get; set; }
    [BindProperty] public string[]? Roles { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long? ExpectedVersion { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var person = await mediator.Send(new GetPerson(Id), cancellationToken);
        (Name, OrganisationId, Affiliation, Bio, Roles, ExpectedVersion) =
            (person.Name, person.OrganisationId, person.Affiliation, person.Bio, PersonForm.Format(person.Roles).ToArray(), person.Version);
        await LoadAsync(cancellationToken);
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken) =>
        Form = new PersonForm("", Name, OrganisationId, Affiliation, Bio, Roles ?? [], await mediator.Send(new ListOrganisations(), cancellationToken));

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            await mediator.Send(new ChangePerson(Id, Name ?? "", OrganisationId, Affiliation, Bio, PersonForm.Parse(Roles),
                ExpectedVersion, Reason), cancellationToken);
            var person = await mediator.Send(new GetPerson(Id), cancellationToken);
            return $"{person.Name} opgeslagen.";
        }, cancellationToken);
}
