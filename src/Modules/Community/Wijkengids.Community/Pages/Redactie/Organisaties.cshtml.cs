using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.People;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Pages.Redactie;

public sealed class OrganisatiesBeheerModel(IMediator mediator) : FormPageModel
{
    /// <summary>Several small forms on one page: the reasons go in the summary only.</summary>
    protected override string? FieldOf(string property) => null;

    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken) =>
        Organisations = await mediator.Send(new ListOrganisations(), cancellationToken);

    public Task<IActionResult> OnPostRegisterAsync(string? name, string? kind, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            var id = await mediator.Send(new RegisterOrganisation(name ?? "", kind ?? ""), cancellationToken);
            return $"{(await mediator.Send(new GetOrganisation(id), cancellationToken)).Name} toegevoegd.";
        }, cancellationToken);

    public Task<IActionResult> OnPostChangeAsync(Guid id, long expectedVersion, string? name, string? kind, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            await mediator.Send(new ChangeOrganisation(id, name ?? "", kind ?? "", expectedVersion, null), cancellationToken);
            return $"{(await mediator.Send(new GetOrganisation(id), cancellationToken)).Name} opgeslagen.";
        }, cancellationToken);
}
