using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Contributions.Proposals;
using Wijkengids.SharedKernel;
using Wijkengids.SharedKernel.Web;

namespace Wijkengids.Contributions.Pages.Redactie;

/// <summary>One proposal for the editors (the /Redactie folder requires the editors policy): diffs, accept, reject, ask, merge.</summary>
public sealed class VoorstelModel(IMediator mediator) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public ProposalDetails Proposal { get; private set; } = null!;
    /// <summary>Other open proposals about the same lesson or section: candidates to merge into.</summary>
    public IReadOnlyList<ProposalDetails> MergeCandidates { get; private set; } = [];

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

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Proposal = await mediator.Send(new GetProposal(Id, AsEditor: true), cancellationToken);
        var open = await mediator.Send(new ListProposalsForModeration(ReadProposalsHandler.Open, null, null, null), cancellationToken);
        MergeCandidates = open.Where(o => o.Id != Id).OrderByDescending(o => o.LessonSlug == Proposal.LessonSlug && o.Sections.Intersect(Proposal.Sections).Any())
            .ToList();
    }

    public Task<IActionResult> OnPostAcceptAsync(long expectedVersion, string? reason, CancellationToken ct) =>
        Done(() => mediator.Send(new AcceptProposal(Id, expectedVersion, reason), ct),
            "Voorstel geaccepteerd. Het komt als concept met naamsvermelding in de redactie van de gids.", ct);

    public Task<IActionResult> OnPostRejectAsync(long expectedVersion, string? reason, CancellationToken ct) =>
        Done(() => mediator.Send(new RejectProposal(Id, reason ?? "", expectedVersion), ct), "Voorstel afgewezen; de bijdrager ziet de reden.", ct);

    public Task<IActionResult> OnPostAskAsync(long expectedVersion, string? question, CancellationToken ct) =>
        Done(() => mediator.Send(new RequestProposalInformation(Id, question ?? "", expectedVersion), ct), "Vraag verstuurd naar de bijdrager.", ct);

    public Task<IActionResult> OnPostMergeAsync(long expectedVersion, Guid? into, string? reason, CancellationToken ct) =>
        Done(() => mediator.Send(new MergeProposal(Id, into ?? Guid.Empty, reason ?? "", expectedVersion), ct), "Voorstel samengevoegd.", ct);

    private Task<IActionResult> Done(Func<Task<ProposalReceipt>> change, string done, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            await change();
            return done;
        }, cancellationToken, () => RedirectToPage(new { id = Id }));
}
