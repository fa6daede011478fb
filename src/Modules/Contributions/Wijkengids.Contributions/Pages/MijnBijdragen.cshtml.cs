using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.Contributions.Proposals;
using Wijkengids.Contributions.Reactions;

namespace Wijkengids.Contributions.Pages;

public sealed class MijnBijdragenModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ReactionDetails> Reactions { get; private set; } = [];
    public IReadOnlyList<ProposalDetails> Proposals { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Reactions = await mediator.Send(new ListMyReactions(), cancellationToken);
        Proposals = await mediator.Send(new ListMyProposals(), cancellationToken);
    }
}
