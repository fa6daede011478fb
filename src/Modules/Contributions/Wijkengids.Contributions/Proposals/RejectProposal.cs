namespace Wijkengids.Contributions.Proposals;

/// <summary>An editor rejects a proposal; the reason is required and shown to the contributor.</summary>
public sealed record RejectProposal(Guid ProposalId, string Reason, long? ExpectedVersion) : ICommand<ProposalReceipt>;

internal sealed class RejectProposalValidator : AbstractValidator<RejectProposal>
{
    public RejectProposalValidator() =>
        RuleFor(x => x.Reason).RequiredText("Geef een reden; de bijdrager krijgt die te zien.", 2000, "De reden");
}

internal sealed class RejectProposalHandler(ProposalSteps steps) : IRequestHandler<RejectProposal, ProposalReceipt>
{
    public async Task<ProposalReceipt> Handle(RejectProposal request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.ProposalId, request.ExpectedVersion, request.Reason, cancellationToken);
        var rejected = stream.Aggregate!.Reject(request.Reason, steps.Now);
        return await steps.RecordAsync(stream, rejected, ProposalStatus.Rejected, rejected.Reason);
    }

    internal static void MapEndpoint(RouteGroupBuilder moderation) =>
        moderation.MapPost("/proposals/{id:guid}/reject", async (Guid id, AcceptProposalHandler.DecisionBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RejectProposal(id, body.Reason ?? "", body.ExpectedVersion), ct)))
            .WithName("RejectProposal").WithSummary("Voorstel afwijzen, met een reden die de bijdrager ziet (redacteur)");
}
