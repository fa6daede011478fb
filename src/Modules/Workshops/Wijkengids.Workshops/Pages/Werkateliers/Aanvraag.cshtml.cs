using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.Workshops.ActionPlans;
using Wijkengids.Workshops.Bookings;

namespace Wijkengids.Workshops.Pages.Werkateliers;

/// <summary>The requester's private status page; the token in the link is the only key.</summary>
[ResponseCache(NoStore = true)]
public sealed class AanvraagModel(IMediator mediator) : PageModel
{
    public BookingDetails Booking { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public bool Nieuw { get; set; }
    public bool HasPlan { get; private set; }
    public string Token { get; private set; } = "";

    public async Task OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Booking = await mediator.Send(new GetBookingByToken(token), cancellationToken);
        Token = token;
        HasPlan = await mediator.Send(new GetActionPlan(Booking.Id), cancellationToken) is not null;
    }
}
