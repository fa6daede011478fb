using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.SharedKernel;
using Wijkengids.Workshops.Formats;

namespace Wijkengids.Workshops.Pages.Werkateliers.Beheer;

public sealed class FormatsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<FormatDetails> Formats { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Formats = await mediator.Send(new ListFormats(), cancellationToken);
}
