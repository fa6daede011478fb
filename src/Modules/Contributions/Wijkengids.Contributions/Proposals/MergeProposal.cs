using Wijkengids.Contributions.Moderation;

namespace Wijkengids.Contributions.Proposals;

/// <summary>An editor merges a duplicate proposal into another open one; the reason is kept on both streams' history.</summary>
public sealed record MergeProposal(Guid ProposalId, Guid IntoProposalId, string Reason, long? ExpectedVersion) : ICommand<ProposalReceipt>;

internal sealed class MergeProposalValidator : AbstractValidator<MergeProposal>
{
    public MergeProposalValidator()
    {
        RuleFor(x => x.Reason).RequiredText("Geef een reden voor het samenvoegen.", 2000, "De reden");
        RuleFor(x => x.IntoProposalId).NotEmpty().WithMessage("Kies het voorstel waarin dit voorstel wordt samengevoegd.")
            .NotEqual(x => x.ProposalId).WithMessage("Een voorstel kan niet in zichzelf worden samengevoegd.");
    }
}

internal sealed class MergeProposalHandler(ProposalSteps steps, IDocumentSession session) : IRequestHandler<MergeProposal, ProposalReceipt>
{
    public async Task<ProposalReceipt> Handle(MergeProposal request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.ProposalId, request.ExpectedVersion, request.Reason, cancellationToken);
        var into = await session.Events.FetchForWriting<Proposal>(request.IntoProposalId, cancellationToken);
        if (into.Aggregate is null) throw new NotFoundException("Het voorstel om in samen te voegen bestaat niet.");
        var (merged, absorbed) = stream.Aggregate!.MergeInto(into.Aggregate, request.Reason, steps.Now);
        into.AppendOne(absorbed);
        return await steps.DecideAsync(stream, merged, ProposalStatus.Merged, ModerationDecisions.ProposalMerged, merged.ReasonCode, merged.Reason);
    }

    internal static void MapEndpoint(RouteGroupBuilder moderation) =>
        moderation.MapPost("/proposals/{id:guid}/merge", async (Guid id, MergeBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new MergeProposal(id, body.IntoProposalId ?? Guid.Empty, body.Reason ?? "", body.ExpectedVersion), ct)))
            .WithName("MergeProposal").WithSummary("Dubbel voorstel samenvoegen met een ander voorstel, met reden (redacteur)");

    internal sealed record MergeBody(long? ExpectedVersion, Guid? IntoProposalId, string? Reason);
}
