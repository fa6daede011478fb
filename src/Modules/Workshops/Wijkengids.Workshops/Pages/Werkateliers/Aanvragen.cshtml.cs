using System.Security.Claims;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wijkengids.Community.Contracts;
using Wijkengids.SharedKernel;
using Wijkengids.Platform.Web;
using Wijkengids.Workshops.Bookings;
using Wijkengids.Workshops.Formats;
using Wijkengids.Workshops.Sessions;

namespace Wijkengids.Workshops.Pages.Werkateliers;

[EnableRateLimiting(RateLimitPolicies.Forms)]
public sealed class AanvragenModel(IMediator mediator, ICommunityDirectory directory) : FormPageModel
{
    public FormatDetails Format { get; private set; } = null!;
    public IReadOnlyList<SessionSummary> Sessions { get; private set; } = [];
    public IReadOnlyList<DirectoryArea> Areas { get; private set; } = [];
    public override string ErrorTitle => "Uw aanvraag is nog niet verstuurd";

    /// <summary>An unknown workshop format is the 404 page.</summary>
    protected override bool NotFoundIsThe404Page => true;

    [BindProperty] public Guid? AreaId { get; set; }
    [BindProperty(SupportsGet = true, Name = "sessie")] public Guid? Sessie { get; set; }
    [BindProperty] public Guid? SessionId { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? ContactName { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }
    [BindProperty] public int Participants { get; set; } = 10;
    [BindProperty] public string? PreferredDates { get; set; }
    [BindProperty] public string? Goals { get; set; }
    [BindProperty] public bool CoFinancing { get; set; }
    [BindProperty] public decimal? CoFinancingAmount { get; set; }
    [BindProperty] public string? CoFinancingMotivation { get; set; }

    public async Task OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        await LoadAsync(slug, cancellationToken);
        SessionId = Sessie;
        ContactName = User.FindFirstValue(ClaimTypes.Name);
        ContactEmail = User.FindFirstValue(ClaimTypes.Email);
    }

    public Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken) =>
        AttemptAsync(async () =>
        {
            var id = await mediator.Send(new RequestBooking(slug, SessionId, AreaId ?? Guid.Empty, Organisation ?? "", ContactName ?? "",
                ContactEmail ?? "", Participants, PreferredDates, Goals ?? "", CoFinancing, CoFinancingAmount, CoFinancingMotivation), cancellationToken);
            var booking = await mediator.Send(new GetBooking(id), cancellationToken);
            return (null, booking.StatusUrl + "?nieuw=true");
        }, () => LoadAsync(slug, cancellationToken));

    private async Task LoadAsync(string slug, CancellationToken cancellationToken)
    {
        Format = await mediator.Send(new GetFormat(slug), cancellationToken);
        Sessions = await mediator.Send(new ListUpcomingSessions(slug), cancellationToken);
        Areas = (await directory.AreasAsync(cancellationToken)).OrderBy(a => a.Name, StringComparer.Create(DutchTime.Culture, true)).ToList();
    }
}
