namespace Wijkengids.Contributions.Reactions;

/// <summary>Everything the signed-in person sent.</summary>
public sealed record ListMyReactions : IRequest<IReadOnlyList<ReactionDetails>>;

internal sealed class ListMyReactionsHandler(IQuerySession session, IRequestContext context) : IRequestHandler<ListMyReactions, IReadOnlyList<ReactionDetails>>
{
    public async Task<IReadOnlyList<ReactionDetails>> Handle(ListMyReactions request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.Actor, out var account)) return [];
        var mine = await session.Query<ReactionView>().Where(r => r.AccountId == account)
            .OrderByDescending(r => r.ReceivedAt).ToListAsync(cancellationToken);
        return mine.Select(ReactionDetails.From).ToList();
    }

    internal static void MapEndpoint(RouteGroupBuilder group) =>
        group.MapGet("/mine", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListMyReactions(), ct)))
            .RequireAuthorization()
            .WithName("ListMyContributions").WithSummary("Alles wat ik stuurde, met status en antwoord (ingelogd)");
}
