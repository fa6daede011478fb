using Wijkengids.Content.Contracts;
using Wijkengids.Contributions.Contracts;

namespace Wijkengids.Contributions.Proposals;

/// <summary>One proposal; <see cref="AsEditor"/> false means only the proposer's own (anything else is "not found").</summary>
public sealed record GetProposal(Guid Id, bool AsEditor) : IRequest<ProposalDetails>;

internal sealed class GetProposalHandler(IQuerySession session, IRequestContext context, IGuideCatalog catalog)
    : IRequestHandler<GetProposal, ProposalDetails>
{
    public async Task<ProposalDetails> Handle(GetProposal request, CancellationToken cancellationToken)
    {
        var proposal = await session.LoadAsync<ProposalView>(request.Id, cancellationToken);
        if (proposal is null || (!request.AsEditor && proposal.AccountId.ToString() != context.Actor))
        {
            throw new NotFoundException("Dit voorstel bestaat niet.");
        }
        var current = proposal.LessonId is { } lessonId ? await catalog.PublishedLessonAsync(lessonId, cancellationToken) : null;
        var outcome = (await catalog.ProposalOutcomesAsync([proposal.Id], cancellationToken)).FirstOrDefault();
        var details = ProposalDetailsReader.ToDetails(proposal, current?.Revision, outcome);
        var basis = (proposal.BaseTitle, proposal.BaseStatement, proposal.BaseBody);
        var changes = proposal.Kind == ProposalKinds.Change ? TextDiff.Lesson(basis, (proposal.Title, proposal.Statement, proposal.Body)) : null;
        var sinceBase = details.Outdated && current is not null ? TextDiff.Lesson(basis, (current.Title, current.Statement, current.Body)) : null;
        return details with { Changes = changes, SinceBase = sinceBase };
    }

    internal static void MapEndpoints(RouteGroupBuilder contributors, RouteGroupBuilder moderation)
    {
        contributors.MapGet("/proposals/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetProposal(id, AsEditor: false), ct)))
            .WithName("GetMyProposal").WithSummary("Eén eigen voorstel met diff, status, antwoord van de redactie en waar het in de gids terechtkwam (bijdrager)");
        moderation.MapGet("/proposals/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetProposal(id, AsEditor: true), ct)))
            .WithName("GetProposal").WithSummary("Eén voorstel met diff; bij een verouderd voorstel ook de diff van de basis naar de huidige tekst (redacteur)");
    }
}
