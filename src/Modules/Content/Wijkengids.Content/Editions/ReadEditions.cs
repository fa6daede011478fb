using Wijkengids.Content.Items;

namespace Wijkengids.Content.Editions;

public sealed record EditionSummary(int Number, string Title, DateTimeOffset PublishedAt, int Major, int Minor);

/// <summary>One changed item in an edition as readers see it: the note and what changed, word by word.</summary>
public sealed record EditionChange(EditionEntry Entry, bool IsNew, IReadOnlyList<FieldDiff> Fields);

public sealed record EditionPage(EditionSummary Edition, IReadOnlyList<EditionChange> Changes, int? Previous, int? Next);

/// <summary>Everything that changed after edition <see cref="Since"/>, one entry per item (its latest note).</summary>
public sealed record ChangesSince(int Since, IReadOnlyList<EditionSummary> Editions, IReadOnlyList<EditionChange> Changes);

public sealed record ListEditions : IRequest<IReadOnlyList<EditionSummary>>;

public sealed record GetEditionPage(int Number) : IRequest<EditionPage>;

public sealed record GetChangesSince(int Since) : IRequest<ChangesSince>;

internal sealed class ReadEditionsHandler(IQuerySession session)
    : IRequestHandler<ListEditions, IReadOnlyList<EditionSummary>>, IRequestHandler<GetEditionPage, EditionPage>,
        IRequestHandler<GetChangesSince, ChangesSince>
{
    public async Task<IReadOnlyList<EditionSummary>> Handle(ListEditions request, CancellationToken cancellationToken) =>
        (await PublishedAsync(0, cancellationToken)).Select(Summary).Reverse().ToList();

    public async Task<EditionPage> Handle(GetEditionPage request, CancellationToken cancellationToken)
    {
        var edition = await session.Query<EditionView>().FirstOrDefaultAsync(e => e.Number == request.Number && e.Published, cancellationToken)
                      ?? throw new NotFoundException($"Update {request.Number} bestaat niet (of is nog niet gepubliceerd).");
        var changes = await ChangesAsync(edition.Entries, cancellationToken);
        var numbers = await session.Query<EditionView>().Where(e => e.Published).Select(e => e.Number).ToListAsync(cancellationToken);
        return new EditionPage(Summary(edition), changes,
            numbers.Where(n => n < edition.Number).Cast<int?>().Max(), numbers.Where(n => n > edition.Number).Cast<int?>().Min());
    }

    public async Task<ChangesSince> Handle(GetChangesSince request, CancellationToken cancellationToken)
    {
        var editions = await PublishedAsync(request.Since, cancellationToken);
        // Per item: from the revision before the first later edition to the revision of the last one.
        var merged = editions.SelectMany(e => e.Entries)
            .GroupBy(e => e.ItemId)
            .Select(g => g.Last() with { FromRevision = g.First().FromRevision, Change = g.Any(x => x.Change == ChangeLevels.Major) ? ChangeLevels.Major : ChangeLevels.Minor })
            .ToList();
        return new ChangesSince(request.Since, editions.Select(Summary).ToList(), await ChangesAsync(merged, cancellationToken));
    }

    private async Task<List<EditionView>> PublishedAsync(int after, CancellationToken cancellationToken) =>
        (await session.Query<EditionView>().Where(e => e.Published && e.Number > after).OrderBy(e => e.Number)
            .ToListAsync(cancellationToken)).ToList();

    private async Task<IReadOnlyList<EditionChange>> ChangesAsync(IReadOnlyList<EditionEntry> entries, CancellationToken cancellationToken)
    {
        var ids = entries.SelectMany(e => new[] { e.FromRevision, (int?)e.ToRevision }.Where(r => r is not null)
            .Select(r => RevisionView.IdOf(e.ItemId, r!.Value))).ToArray();
        var revisions = (await session.LoadManyAsync<RevisionView>(cancellationToken, ids)).ToDictionary(r => r.Id);
        return entries.Select(e =>
        {
            var from = e.FromRevision is { } f ? revisions.GetValueOrDefault(RevisionView.IdOf(e.ItemId, f))?.Text : null;
            var to = revisions.GetValueOrDefault(RevisionView.IdOf(e.ItemId, e.ToRevision))?.Text ?? new ItemText();
            return new EditionChange(e, e.FromRevision is null, ReadItemsHandler.Compare(from, to));
        }).ToList();
    }

    private static EditionSummary Summary(EditionView e) => new(e.Number, e.Title, e.PublishedAt ?? e.ComposedAt,
        e.Entries.Count(x => x.Change == ChangeLevels.Major), e.Entries.Count(x => x.Change == ChangeLevels.Minor));

    internal static void MapEndpoints(IEndpointRouteBuilder api)
    {
        var editions = api.MapGroup("/api/content/editions").WithTags("Content");
        editions.MapGet("/", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListEditions(), ct)))
            .WithName("ListEditions").WithSummary("Gepubliceerde updates van de gids, nieuwste eerst");
        editions.MapGet("/{number:int}", async (int number, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetEditionPage(number), ct)))
            .WithName("GetEdition").WithSummary("Eén update: per onderdeel de toelichting en de verschillen");
        editions.MapGet("/changes", async (int since, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetChangesSince(since), ct)))
            .WithName("GetChangesSinceEdition").WithSummary("Wat veranderde er sinds update N (voor een terugkerende lezer)");
    }
}
