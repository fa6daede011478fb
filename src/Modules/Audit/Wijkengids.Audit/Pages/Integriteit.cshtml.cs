using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.Audit.Integrity;

namespace Wijkengids.Audit.Pages;

/// <summary>Public: the day checkpoints of the hash chain, so that outsiders can keep copies.</summary>
public sealed class IntegriteitModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "voor")] public DateOnly? Before { get; set; }

    public CheckpointPage Checkpoints { get; private set; } = new([], null);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Checkpoints = await mediator.Send(new ListCheckpoints(Before, 31), cancellationToken);
}
