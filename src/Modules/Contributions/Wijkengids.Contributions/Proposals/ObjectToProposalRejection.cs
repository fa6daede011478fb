using Wijkengids.Contributions.Moderation;

namespace Wijkengids.Contributions.Proposals;

/// <summary>
/// The proposer objects, once, to the rejection of their proposal, with their motivation (sealed with their key). Another
/// editor than the one who rejected it handles the objection.
/// </summary>
public sealed record ObjectToProposalRejection(Guid ProposalId, string Motivation) : ICommand<ProposalReceipt>;

internal sealed class ObjectToProposalRejectionValidator : AbstractValidator<ObjectToProposalRejection>
{
    public ObjectToProposalRejectionValidator() =>
        RuleFor(x => x.Motivation).Motivation();
}

internal sealed class ObjectToProposalRejectionHandler(ProposalSteps steps, IRequestContext context, IPersonalDataVault vault)
    : IRequestHandler<ObjectToProposalRejection, ProposalReceipt>
{
    public async Task<ProposalReceipt> Handle(ObjectToProposalRejection request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.ProposalId, null, null, cancellationToken, ownedBy: context.Actor);
        var proposal = stream.Aggregate!;
        var motivation = await vault.SealAsync(proposal.AccountId, request.Motivation.Trim(), cancellationToken);
        stream.AppendOne(proposal.Object(motivation, steps.Now));
        return new ProposalReceipt(proposal.Id, proposal.Status, stream.CurrentVersion ?? 0);
    }

    internal static void MapEndpoint(RouteGroupBuilder contributors) =>
        contributors.MapPost("/proposals/{id:guid}/appeal", async (Guid id, Appeals.Body body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ObjectToProposalRejection(id, body.Motivation ?? ""), ct)))
            .WithName("ObjectToProposalRejection").WithSummary("Eén keer bezwaar maken tegen de afwijzing van mijn voorstel (bijdrager)");
}
