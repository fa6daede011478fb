using Microsoft.AspNetCore.Mvc;
using Wijkengids.Contributions.Reactions;
using Wijkengids.Platform.Web;

namespace Wijkengids.Contributions.Pages;

/// <summary>The sender's own reaction: its status, the decision's reason, the editors' answer; object to a removal once.</summary>
public sealed class MijnReactieModel(IMediator mediator) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public ReactionDetails Reaction { get; private set; } = null!;

    public override string ErrorTitle => "Uw bezwaar is nog niet verstuurd";

    protected override bool NotFoundIsThe404Page => true;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    /// <summary>Only the sender's own reactions: someone else's, or an unknown one, is the 404 page.</summary>
    protected override async Task LoadAsync(CancellationToken cancellationToken) =>
        Reaction = (await mediator.Send(new ListMyReactions(), cancellationToken)).FirstOrDefault(r => r.Id == Id)
                   ?? throw new NotFoundException("Deze reactie bestaat niet.");

    public Task<IActionResult> OnPostObjectAsync(string? motivation, CancellationToken ct) =>
        Attempt(async () =>
        {
            await mediator.Send(new ObjectToReactionRemoval(Id, motivation ?? ""), ct);
            return "Uw bezwaar is verstuurd. Een andere redacteur beoordeelt het; u ziet de uitkomst hier.";
        }, ct, () => RedirectToPage(new { id = Id }));
}
