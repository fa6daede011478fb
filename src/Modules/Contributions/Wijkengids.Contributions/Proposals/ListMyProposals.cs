using Wijkengids.Content.Contracts;
using Wijkengids.Contributions.Contracts;

namespace Wijkengids.Contributions.Proposals;

/// <summary>The signed-in contributor's own proposals, newest first.</summary>
public sealed record ListMyProposals : IRequest<IReadOnlyList<ProposalDetails>>;

internal sealed class ListMyProposalsHandler(IQuerySession session, IRequestContext context, ProposalDetailsReader reader)
    : IRequestHandler<ListMyProposals, IReadOnlyList<ProposalDetails>>
{
    public async Task<IReadOnlyList<ProposalDetails>> Handle(ListMyProposals request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.Actor, out var account)) return [];
        var mine = await session.Query<ProposalView>().Where(p => p.AccountId == account).OrderByDescending(p => p.SubmittedAt)
            .ToListAsync(cancellationToken);
        return await reader.WithGuideAsync(mine, cancellationToken);
    }

    internal static void MapEndpoint(RouteGroupBuilder contributors) =>
        contributors.MapGet("/mine/proposals", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListMyProposals(), ct)))
            .WithName("ListMyProposals").WithSummary("Mijn voorstellen met status, reden of vraag van de redactie, les en update (bijdrager)");
}
