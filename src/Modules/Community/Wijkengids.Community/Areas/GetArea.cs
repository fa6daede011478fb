namespace Wijkengids.Community.Areas;

/// <summary>One area, with the name of the area it lies in.</summary>
public sealed record GetArea(Guid Id) : IRequest<AreaSummary>;

internal sealed class GetAreaHandler(IQuerySession session) : IRequestHandler<GetArea, AreaSummary>
{
    public async Task<AreaSummary> Handle(GetArea request, CancellationToken cancellationToken)
    {
        var areas = await AreaSteps.AllAsync(session, cancellationToken);
        return areas.TryGetValue(request.Id, out var area) ? AreaSteps.Summarise(area, areas) : throw new NotFoundException("Dit gebied bestaat niet.");
    }
}
