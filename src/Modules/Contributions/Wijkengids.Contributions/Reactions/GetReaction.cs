namespace Wijkengids.Contributions.Reactions;

public sealed record GetReaction(Guid Id) : IRequest<ReactionDetails>;

internal sealed class GetReactionHandler(IQuerySession session) : IRequestHandler<GetReaction, ReactionDetails>
{
    public async Task<ReactionDetails> Handle(GetReaction request, CancellationToken cancellationToken) =>
        ReactionDetails.From(await session.LoadAsync<ReactionView>(request.Id, cancellationToken)
                             ?? throw new NotFoundException("Deze reactie bestaat niet."));

    internal static void MapEndpoint(RouteGroupBuilder moderation) =>
        moderation.MapGet("/reactions/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetReaction(id), ct)))
            .WithName("GetReaction").WithSummary("Eén reactie met alle gegevens (redacteur)");
}
