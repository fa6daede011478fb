namespace Wijkengids.Contributions.Proposals;

/// <summary>
/// The proposer answers the editors' question and sends the proposal again, optionally with a revised text
/// (fields left empty keep the text as it was). Only while more information is asked, and only for their own proposal.
/// </summary>
public sealed record AnswerProposal(Guid ProposalId, string Answer, string? Title, string? Statement, string? Body, SourceInput? Source,
    long? ExpectedVersion) : ICommand<ProposalReceipt>;

internal sealed class AnswerProposalValidator : AbstractValidator<AnswerProposal>
{
    public AnswerProposalValidator()
    {
        RuleFor(x => x.Answer).NotEmpty().WithMessage("Schrijf uw antwoord aan de redactie.")
            .MaximumLength(3000).WithMessage("Uw antwoord mag hoogstens 3000 tekens hebben.");
        // Only what is given is checked: empty fields keep the text.
        RuleFor(x => x.Title).MaximumLength(200).WithMessage("De titel mag hoogstens 200 tekens hebben.");
        RuleFor(x => x.Statement).MaximumLength(500).WithMessage("De stelling mag hoogstens 500 tekens hebben.");
        RuleFor(x => x.Body).MaximumLength(20000).WithMessage("De tekst mag hoogstens 20.000 tekens hebben.");
        When(x => x.Source is { Title: not null and not "" }, () =>
            ProposalTextRules.Apply(this, _ => ProposalKinds.NewSource, x => x.Title, x => x.Statement, x => x.Body, x => x.Source));
    }
}

internal sealed class AnswerProposalHandler(ProposalSteps steps, IRequestContext context, IPersonalDataVault vault)
    : IRequestHandler<AnswerProposal, ProposalReceipt>
{
    public async Task<ProposalReceipt> Handle(AnswerProposal request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.ProposalId, request.ExpectedVersion, null, cancellationToken, ownedBy: context.Actor);
        var proposal = stream.Aggregate!;
        var answer = await vault.SealAsync(proposal.AccountId, request.Answer.Trim(), cancellationToken);
        var source = request.Source is { Title: not null and not "" } given
            ? await ProposedSources.SealAsync(vault, proposal.AccountId, given.ToSource(), cancellationToken)
            : null;
        var resubmitted = proposal.Answer(answer, request.Title, request.Statement, request.Body, source, steps.Now);
        return await steps.RecordAsync(stream, resubmitted, ProposalStatus.Submitted, ProposalStatus.Submitted.Wire(), "opnieuw ingediend", null);
    }

    internal static void MapEndpoint(RouteGroupBuilder contributors) =>
        contributors.MapPost("/proposals/{id:guid}/answer", async (Guid id, AnswerBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AnswerProposal(id, body.Answer ?? "", body.Title, body.Statement, body.Body, body.Source,
                    body.ExpectedVersion), ct)))
            .WithName("AnswerProposal")
            .WithSummary("Eigen voorstel aanvullen en opnieuw indienen nadat de redactie om informatie vroeg (bijdrager)");

    internal sealed record AnswerBody(string? Answer, string? Title, string? Statement, string? Body, SourceInput? Source, long? ExpectedVersion);
}
