using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.Areas;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Pages.Beheer;

public sealed class GebiedenModel(IMediator mediator) : FormPageModel
{
    /// <summary>Several small forms on one page: the reasons go in the summary only.</summary>
    protected override string? FieldOf(string property) => null;

    public IReadOnlyList<AreaSummary> Areas { get; private set; } = [];
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Level { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken) => Areas = await mediator.Send(new ListAreas(), cancellationToken);

    public Task<IActionResult> OnPostRegisterAsync(Guid? parentId, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            var area = await mediator.Send(new GetArea(await mediator.Send(new RegisterArea(Name ?? "", Level ?? "", parentId), cancellationToken)),
                cancellationToken);
            return $"{area.Name} toegevoegd.";
        }, cancellationToken);

    public Task<IActionResult> OnPostChangeAsync(Guid id, long expectedVersion, Guid? parentId, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            await mediator.Send(new ChangeArea(id, Name ?? "", parentId, expectedVersion, null), cancellationToken);
            var area = await mediator.Send(new GetArea(id), cancellationToken);
            return $"{area.Name} opgeslagen.";
        }, cancellationToken);
}
