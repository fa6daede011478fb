using Wijkengids.Contributions.Moderation;

namespace Wijkengids.Contributions.Proposals;

/// <summary>
/// An editor rejects a proposal for a reason code from the list, with optional words for the contributor; both are shown
/// to the contributor, who may object once.
/// </summary>
public sealed record RejectProposal(Guid ProposalId, string? Reason, long? ExpectedVersion, string? ReasonCode = null) : ICommand<ProposalReceipt>;

internal sealed class RejectProposalValidator : AbstractValidator<RejectProposal>
{
    public RejectProposalValidator()
    {
        RuleFor(x => x.ReasonCode).Must(ModerationDecisions.ProposalRejected.Allows).WithMessage(ModerationDecisions.ProposalRejected.Message);
        RuleFor(x => x.Reason).MaximumLength(2000).WithMessage("De toelichting mag hoogstens 2000 tekens hebben.");
    }
}

internal sealed class RejectProposalHandler(ProposalSteps steps) : IRequestHandler<RejectProposal, ProposalReceipt>
{
    public async Task<ProposalReceipt> Handle(RejectProposal request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.ProposalId, request.ExpectedVersion, request.Reason, cancellationToken);
        var code = ModerationDecisions.ProposalRejected.Resolve(request.ReasonCode)!;
        var rejected = stream.Aggregate!.Reject(request.Reason, code, steps.Editor, steps.Now);
        return await steps.DecideAsync(stream, rejected, ProposalStatus.Rejected, ModerationDecisions.ProposalRejected, code, rejected.Reason);
    }

    internal static void MapEndpoint(RouteGroupBuilder moderation) =>
        moderation.MapPost("/proposals/{id:guid}/reject", async (Guid id, AcceptProposalHandler.DecisionBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RejectProposal(id, body.Reason, body.ExpectedVersion, body.ReasonCode), ct)))
            .WithName("RejectProposal").WithSummary("Voorstel afwijzen, met een redencode uit de lijst en een toelichting die de bijdrager ziet (redacteur)");
}
