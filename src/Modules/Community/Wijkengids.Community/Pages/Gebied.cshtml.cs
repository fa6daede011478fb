using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.Community.Areas;
using Wijkengids.SharedKernel;
using Wijkengids.Workshops.Contracts;

namespace Wijkengids.Community.Pages;

/// <summary>An area's public page: where it lies, its parts, and the plans van aanpak its contacts agreed to publish (read from Workshops' contract).</summary>
public sealed class GebiedModel(IMediator mediator, IPublishedActionPlans plans) : PageModel
{
    public AreaSummary Area { get; private set; } = null!;
    public IReadOnlyList<AreaSummary> Parts { get; private set; } = [];
    public IReadOnlyList<PublishedActionPlan> Plans { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var areas = await mediator.Send(new ListAreas(), cancellationToken);
        Area = areas.FirstOrDefault(a => a.Id == id) ?? throw new NotFoundException("Dit gebied bestaat niet.");
        Parts = areas.Where(a => a.ParentId == id).ToList();
        Plans = await plans.ForAreaAsync(id, cancellationToken);
    }
}
