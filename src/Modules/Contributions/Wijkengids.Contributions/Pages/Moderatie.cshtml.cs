using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.Contributions.Moderation;

namespace Wijkengids.Contributions.Pages;

/// <summary>The public moderation log: every decision without personal data, counts per month, the list of reasons.</summary>
public sealed class ModeratieModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Maand { get; set; }
    [BindProperty(SupportsGet = true)] public int? Pagina { get; set; }
    public ModerationLogPage Log { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A month or page that does not exist shows the whole log rather than an error: readers come here by links.
        var month = !string.IsNullOrWhiteSpace(Maand) && ModerationLog.IsMonth(Maand.Trim()) ? Maand.Trim() : null;
        Log = await mediator.Send(new ReadModerationLog(month, Math.Max(1, Pagina ?? 1)), cancellationToken);
        return Page();
    }
}
