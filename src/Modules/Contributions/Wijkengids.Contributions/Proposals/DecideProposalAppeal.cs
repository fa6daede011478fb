using Wijkengids.Contributions.Moderation;

namespace Wijkengids.Contributions.Proposals;

/// <summary>
/// An editor, not the one who rejected the proposal, decides on the proposer's objection: granted opens the proposal again
/// for a new assessment, dismissed keeps the rejection; optional words for the proposer.
/// </summary>
public sealed record DecideProposalAppeal(Guid ProposalId, bool Granted, string? Explanation, long? ExpectedVersion) : ICommand<ProposalReceipt>;

internal sealed class DecideProposalAppealValidator : AbstractValidator<DecideProposalAppeal>
{
    public DecideProposalAppealValidator() =>
        RuleFor(x => x.Explanation).MaximumLength(2000).WithMessage("De toelichting mag hoogstens 2000 tekens hebben.");
}

internal sealed class DecideProposalAppealHandler(ProposalSteps steps) : IRequestHandler<DecideProposalAppeal, ProposalReceipt>
{
    public async Task<ProposalReceipt> Handle(DecideProposalAppeal request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.ProposalId, request.ExpectedVersion, request.Explanation, cancellationToken);
        var decided = stream.Aggregate!.DecideAppeal(request.Granted, request.Explanation, steps.Editor, steps.Now);
        var decision = request.Granted ? ModerationDecisions.AppealGranted : ModerationDecisions.AppealDismissed;
        return await steps.DecideAsync(stream, decided, request.Granted ? ProposalStatus.Submitted : ProposalStatus.Rejected, decision,
            decided.ReasonCode, decided.Explanation);
    }

    internal static void MapEndpoint(RouteGroupBuilder moderation) =>
        moderation.MapPost("/proposals/{id:guid}/appeal-decision", async (Guid id, Appeals.DecisionBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DecideProposalAppeal(id, body.Granted, body.Explanation, body.ExpectedVersion), ct)))
            .WithName("DecideProposalAppeal")
            .WithSummary("Beslissen op een bezwaar tegen de afwijzing van een voorstel; niet door wie afwees (redacteur)");
}
