using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.SharedKernel;
using Wolverine.Marten;

namespace Wijkengids.Contributions.Proposals;

/// <summary>
/// The proposer answers the editors' question and sends the proposal again, optionally with a revised text
/// (fields left empty keep the text as it was). Only while more information is asked, and only for their own proposal.
/// </summary>
public sealed record AnswerProposal(Guid ProposalId, string Answer, string? Title, string? Statement, string? Body, SourceInput? Source,
    long? ExpectedVersion) : IRequest<ProposalReceipt>;

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

internal sealed class AnswerProposalHandler(IDocumentSession session, IMartenOutbox outbox, IRequestContext context, IPersonalDataVault vault,
    TimeProvider clock) : IRequestHandler<AnswerProposal, ProposalReceipt>
{
    public async Task<ProposalReceipt> Handle(AnswerProposal request, CancellationToken cancellationToken)
    {
        var proposal = await ProposalStore.LoadAsync(session, request.ProposalId, request.ExpectedVersion, cancellationToken, ownedBy: context.Actor);
        if (proposal.Status != ProposalStatuses.InformationRequested)
        {
            throw new RuleViolationException("De redactie heeft geen vraag over dit voorstel openstaan; u kunt het nu niet aanvullen.");
        }
        var answer = request.Answer.Trim();
        if (proposal.Kind != ProposalKinds.NewSource)
        {
            proposal.Title = Kept(request.Title, proposal.Title);
            proposal.Statement = Kept(request.Statement, proposal.Statement);
            proposal.Body = Kept(request.Body, proposal.Body);
        }
        else if (request.Source is { Title: not null and not "" } source)
        {
            proposal.Source = source.ToSource();
        }
        proposal.Conversation.Add(new ProposalNote(clock.GetUtcNow(), ProposalNote.Proposer, answer));
        var change = new ProposalResubmitted(proposal.Id, await vault.SealAsync(proposal.AccountId, answer, cancellationToken),
            proposal.Title, proposal.Statement, proposal.Body, proposal.Source);
        return await ProposalStore.SaveAsync(session, outbox, context, clock, proposal, ProposalStatuses.Submitted, change, null, null, cancellationToken);
    }

    private static string? Kept(string? given, string? current) => string.IsNullOrWhiteSpace(given) ? current : given.Trim();

    internal static void MapEndpoint(RouteGroupBuilder contributors) =>
        contributors.MapPost("/proposals/{id:guid}/answer", async (Guid id, AnswerBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AnswerProposal(id, body.Answer ?? "", body.Title, body.Statement, body.Body, body.Source,
                    body.ExpectedVersion), ct)))
            .WithName("AnswerProposal")
            .WithSummary("Eigen voorstel aanvullen en opnieuw indienen nadat de redactie om informatie vroeg (bijdrager)")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    internal sealed record AnswerBody(string? Answer, string? Title, string? Statement, string? Body, SourceInput? Source, long? ExpectedVersion);
}
