using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.SharedKernel;
using Wijkengids.Platform.Web;
using Wijkengids.Workshops.Bookings;

namespace Wijkengids.Workshops.Pages.Werkateliers;

/// <summary>The funder's back office: decide on co-financing and see the totals per year and per area.</summary>
public sealed class FinancieringModel(IMediator mediator) : FormPageModel
{
    /// <summary>Several small forms on one page: the reasons go in the summary only.</summary>
    protected override string? FieldOf(string property) => null;

    public CoFinancingOverview Overview { get; private set; } = new([], [], []);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken) =>
        Overview = await mediator.Send(new GetCoFinancingOverview(), cancellationToken);

    public Task<IActionResult> OnPostGrantAsync(Guid id, long expectedVersion, decimal? amount, CancellationToken ct) =>
        Attempt(async () =>
        {
            await mediator.Send(new DecideCoFinancing(id, true, amount, null, expectedVersion), ct);
            var b = await mediator.Send(new GetBooking(id), ct);
            return $"Cofinanciering toegekend aan {b.Organisation}: {b.CoFinancingGranted?.ToString("C", DutchTime.Culture)}.";
        }, ct);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, long expectedVersion, string? reason, CancellationToken ct) =>
        Attempt(async () =>
        {
            await mediator.Send(new DecideCoFinancing(id, false, null, reason, expectedVersion), ct);
            var b = await mediator.Send(new GetBooking(id), ct);
            return $"Cofinanciering voor {b.Organisation} afgewezen.";
        }, ct);
}
