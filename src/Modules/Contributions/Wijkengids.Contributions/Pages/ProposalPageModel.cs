using Microsoft.AspNetCore.Mvc;
using Wijkengids.Contributions.Proposals;
using Wijkengids.Platform.Web;

namespace Wijkengids.Contributions.Pages;

/// <summary>A page about one proposal (its proposer's or the editors'): loads it, and an unknown or someone else's proposal is the 404 page.</summary>
public abstract class ProposalPageModel(IMediator mediator, bool asEditor) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public ProposalDetails Proposal { get; private set; } = null!;

    protected IMediator Mediator => mediator;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken) =>
        Proposal = await mediator.Send(new GetProposal(Id, asEditor), cancellationToken);

    /// <summary>Runs a change and comes back to this proposal with its outcome, or shows the errors on it.</summary>
    protected Task<IActionResult> Done(Func<Task<ProposalReceipt>> change, string done, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            await change();
            return done;
        }, cancellationToken, () => RedirectToPage(new { id = Id }));
}
