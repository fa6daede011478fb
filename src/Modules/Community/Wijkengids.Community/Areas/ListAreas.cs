namespace Wijkengids.Community.Areas;

/// <summary>Every region, municipality and neighbourhood, in the order of the hierarchy.</summary>
public sealed record ListAreas : IRequest<IReadOnlyList<AreaSummary>>;

internal sealed class ListAreasHandler(IQuerySession session) : IRequestHandler<ListAreas, IReadOnlyList<AreaSummary>>
{
    public async Task<IReadOnlyList<AreaSummary>> Handle(ListAreas request, CancellationToken cancellationToken)
    {
        var areas = await AreaSteps.AllAsync(session, cancellationToken);
        return AreaSteps.Ordered(areas).Select(a => AreaSteps.Summarise(a, areas)).ToList();
    }

    internal static void MapEndpoint(RouteGroupBuilder areas) =>
        areas.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListAreas(), ct)))
            .WithName("ListAreas").WithSummary("Regio's, gemeenten en wijken (openbaar)");
}
