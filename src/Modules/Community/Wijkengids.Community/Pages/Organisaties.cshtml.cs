using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.Community.People;

namespace Wijkengids.Community.Pages;

public sealed class OrganisatiesModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Organisations = await mediator.Send(new ListOrganisations(), cancellationToken);
}
