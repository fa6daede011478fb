using Wijkengids.Content.Items;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Editions;

/// <summary>An item published since the previous edition, not yet in one: what the next edition can list.</summary>
public sealed record EditionCandidate(Guid ItemId, string Kind, string Title, string Url, int? FromRevision, int ToRevision,
    DateTimeOffset PublishedAt, IReadOnlyList<string> Themes);

public sealed record GetEditionCandidates : IRequest<IReadOnlyList<EditionCandidate>>;

internal sealed class GetEditionCandidatesHandler(IQuerySession session) : IRequestHandler<GetEditionCandidates, IReadOnlyList<EditionCandidate>>
{
    public async Task<IReadOnlyList<EditionCandidate>> Handle(GetEditionCandidates request, CancellationToken cancellationToken)
    {
        var items = await session.Query<PublicItem>()
            .Where(i => i.Kind != ItemKinds.News && i.Edition == null)
            .ToListAsync(cancellationToken);
        return items
            .OrderBy(i => i.PublishedAt)
            .Select(i => new EditionCandidate(i.Id, i.Kind, i.Title, i.Url, i.EditionRevision, i.Revision, i.PublishedAt, i.Themes))
            .ToList();
    }

    internal static void MapEndpoint(RouteGroupBuilder editions) =>
        editions.MapGet("/candidates", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetEditionCandidates(), ct)))
            .WithName("GetEditionCandidates").WithSummary("Onderdelen gepubliceerd sinds de vorige update, nog in geen update (redactie)");
}
