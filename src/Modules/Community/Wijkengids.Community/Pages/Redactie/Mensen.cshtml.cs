using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.People;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Pages.Redactie;

public sealed class MensenBeheerModel(IMediator mediator) : FormPageModel
{
    /// <summary>Several small forms on one page: the reasons go in the summary only.</summary>
    protected override string? FieldOf(string property) => null;

    public IReadOnlyList<PersonSummary> People { get; private set; } = [];
    public PersonForm Form { get; private set; } = null!;
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public Guid? OrganisationId { get; set; }
    [BindProperty] public string? Affiliation { get; set; }
    [BindProperty] public string? Bio { get; set; }
    [BindProperty] public string[]? Roles { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        People = await mediator.Send(new ListPeople(), cancellationToken);
        Form = new PersonForm("nieuw-", Name, OrganisationId, Affiliation, Bio, Roles ?? [],
            await mediator.Send(new ListOrganisations(), cancellationToken));
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            var id = await mediator.Send(new RegisterPerson(Name ?? "", OrganisationId, Affiliation, Bio, PersonForm.Parse(Roles), Reason),
                cancellationToken);
            var person = await mediator.Send(new GetPerson(id), cancellationToken);
            return $"{person.Name} toegevoegd.";
        }, cancellationToken);
}
