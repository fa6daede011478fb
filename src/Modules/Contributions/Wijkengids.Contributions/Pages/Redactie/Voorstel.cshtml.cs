using Microsoft.AspNetCore.Mvc;
using Wijkengids.Contributions.Moderation;
using Wijkengids.Contributions.Proposals;

namespace Wijkengids.Contributions.Pages.Redactie;

/// <summary>One proposal for the editors (the /Redactie folder requires the editors policy): diffs, accept, reject, ask, merge.</summary>
public sealed class VoorstelModel(IMediator mediator) : ProposalPageModel(mediator, asEditor: true)
{
    /// <summary>Several small forms on one page: the reasons go in the summary only.</summary>
    protected override string? FieldOf(string property) => null;

    /// <summary>Other open proposals, those about the same lesson or section first: candidates to merge into.</summary>
    public IReadOnlyList<ProposalDetails> MergeCandidates { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        await base.LoadAsync(cancellationToken);
        var open = await Mediator.Send(new ListProposalsForModeration(ProposalStatuses.Open, null, null, null), cancellationToken);
        MergeCandidates = open.Where(o => o.Id != Id)
            .OrderByDescending(o => o.LessonSlug == Proposal.LessonSlug && o.Sections.Intersect(Proposal.Sections).Any()).ToList();
    }

    public Task<IActionResult> OnPostAcceptAsync(long expectedVersion, string? reason, CancellationToken ct) =>
        Done(() => Mediator.Send(new AcceptProposal(Id, expectedVersion, reason), ct),
            "Voorstel geaccepteerd. Het komt als concept met naamsvermelding in de redactie van de gids.", ct);

    public Task<IActionResult> OnPostRejectAsync(long expectedVersion, string? reason, string? reasonCode, CancellationToken ct) =>
        Done(() => Mediator.Send(new RejectProposal(Id, reason, expectedVersion, reasonCode), ct), "Voorstel afgewezen; de bijdrager ziet de reden.", ct);

    public Task<IActionResult> OnPostAppealAsync(long expectedVersion, bool? granted, string? explanation, CancellationToken ct) =>
        Done(() => Mediator.Send(new DecideProposalAppeal(Id, Appeals.Chosen(granted), explanation, expectedVersion), ct),
            granted == true ? "Bezwaar gegrond: het voorstel staat weer open." : "Bezwaar ongegrond: de afwijzing blijft.", ct);

    public Task<IActionResult> OnPostAskAsync(long expectedVersion, string? question, CancellationToken ct) =>
        Done(() => Mediator.Send(new RequestProposalInformation(Id, question ?? "", expectedVersion), ct), "Vraag verstuurd naar de bijdrager.", ct);

    public Task<IActionResult> OnPostMergeAsync(long expectedVersion, Guid? into, string? reason, CancellationToken ct) =>
        Done(() => Mediator.Send(new MergeProposal(Id, into ?? Guid.Empty, reason ?? "", expectedVersion), ct), "Voorstel samengevoegd.", ct);
}
