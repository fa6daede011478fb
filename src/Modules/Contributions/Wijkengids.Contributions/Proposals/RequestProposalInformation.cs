using Wijkengids.Contributions.Moderation;

namespace Wijkengids.Contributions.Proposals;

/// <summary>An editor asks the contributor for more information; the contributor answers and resubmits.</summary>
public sealed record RequestProposalInformation(Guid ProposalId, string Question, long? ExpectedVersion) : ICommand<ProposalReceipt>;

internal sealed class RequestProposalInformationValidator : AbstractValidator<RequestProposalInformation>
{
    public RequestProposalInformationValidator() =>
        RuleFor(x => x.Question).RequiredText("Schrijf welke informatie u nog nodig hebt.", 2000, "De vraag");
}

internal sealed class RequestProposalInformationHandler(ProposalSteps steps) : IRequestHandler<RequestProposalInformation, ProposalReceipt>
{
    public async Task<ProposalReceipt> Handle(RequestProposalInformation request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.ProposalId, request.ExpectedVersion, null, cancellationToken);
        var requested = stream.Aggregate!.RequestInformation(request.Question, steps.Now);
        return await steps.DecideAsync(stream, requested, ProposalStatus.InformationRequested, ModerationDecisions.ProposalInformationRequested, requested.ReasonCode, requested.Question);
    }

    internal static void MapEndpoint(RouteGroupBuilder moderation) =>
        moderation.MapPost("/proposals/{id:guid}/request-information", async (Guid id, QuestionBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RequestProposalInformation(id, body.Question ?? "", body.ExpectedVersion), ct)))
            .WithName("RequestProposalInformation").WithSummary("De bijdrager om meer informatie vragen (redacteur)");

    internal sealed record QuestionBody(long? ExpectedVersion, string? Question);
}
