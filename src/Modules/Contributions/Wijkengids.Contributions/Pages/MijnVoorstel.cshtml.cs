using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Contributions.Proposals;
using Wijkengids.SharedKernel;
using Wijkengids.SharedKernel.Web;

namespace Wijkengids.Contributions.Pages;

/// <summary>The proposer's own proposal: status, diff, the editors' questions and reason, where it ended up; answer a question.</summary>
[Authorize]
public sealed class MijnVoorstelModel(IMediator mediator) : FormPageModel
{
    public ProposalDetails Proposal { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken) =>
        Proposal = await mediator.Send(new GetProposal(Id, AsEditor: false), cancellationToken);

    public Task<IActionResult> OnPostAnswerAsync(long expectedVersion, string? answer, string? title, string? statement, string? body,
        CancellationToken ct) =>
        Attempt(async () =>
        {
            await mediator.Send(new AnswerProposal(Id, answer ?? "", title, statement, body, null, expectedVersion), ct);
            return "Dank u wel. Uw antwoord is verstuurd en uw voorstel ligt weer bij de redactie.";
        }, ct, () => RedirectToPage(new { id = Id }));
}
