using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.Community.Mail;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Pages.Beheer;

[Authorize(Policy = Policies.Admins)]
public sealed class VerzendingModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<MailingProgress> Mailings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Mailings = await mediator.Send(new ListMailings(), cancellationToken);
}
