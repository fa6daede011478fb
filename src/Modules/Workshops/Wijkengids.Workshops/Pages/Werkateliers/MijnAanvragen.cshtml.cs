using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.Workshops.Bookings;

namespace Wijkengids.Workshops.Pages.Werkateliers;

/// <summary>The signed-in requester follows their requests (and reaches their plans van aanpak) in their account.</summary>
[ResponseCache(NoStore = true)]
public sealed class MijnAanvragenModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<MyBooking> Bookings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Bookings = await mediator.Send(new ListMyBookings(), cancellationToken);
}
