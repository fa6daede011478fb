namespace Wijkengids.Contributions.Reactions;

/// <summary>Published reactions about a section or lesson, oldest first.</summary>
public sealed record ListPublishedReactions(string About) : IRequest<IReadOnlyList<PublicReaction>>;

internal sealed class ListPublishedReactionsHandler(IQuerySession session) : IRequestHandler<ListPublishedReactions, IReadOnlyList<PublicReaction>>
{
    public async Task<IReadOnlyList<PublicReaction>> Handle(ListPublishedReactions request, CancellationToken cancellationToken) =>
        (await new PublishedReactions(session).AboutAsync(request.About, cancellationToken))
        .Select(r => new PublicReaction(r.Id, request.About, r.Author, r.Message, r.ReceivedAt, r.Answer)).ToList();

    internal static void MapEndpoint(RouteGroupBuilder group) =>
        group.MapGet("/reactions", async (string about, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPublishedReactions(about), ct)))
            .WithName("ListPublishedReactions").WithSummary("Gepubliceerde reacties over een paragraaf of les (about=sectie:1.4 of les:slug)");
}
