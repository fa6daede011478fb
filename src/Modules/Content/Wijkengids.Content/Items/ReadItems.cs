using Wijkengids.Content.People;
using Wijkengids.Content.Rendering;
using Wijkengids.Platform.Text;

namespace Wijkengids.Content.Items;

/// <summary>An item in an editor's list.</summary>
public sealed record ItemSummary(Guid Id, long Version, string Kind, string Title, string? Number, ItemStatus Status, int Revision,
    string LastAuthor, string LastAuthorName, DateTimeOffset LastChangedAt, int? PublishedRevision);

/// <summary>Items for editors, optionally of one kind or status (the review queue is status "in-review").</summary>
public sealed record ListItems(string? Kind = null, ItemStatus? Status = null, bool IncludeArchived = false) : IRequest<IReadOnlyList<ItemSummary>>;

public sealed record GetItem(Guid Id) : IRequest<ItemDetail>;

/// <param name="ContributorName">For a revision taken in from a proposal: the contributor's name ("(naam gewist)" after erasure).</param>
public sealed record RevisionSummary(int Revision, DateTimeOffset SavedAt, string SavedBy, string SavedByName, string? Reason,
    int? RestoredFrom, Guid? ProposalId, string Title, string? ContributorName = null);

public sealed record HistoryEntry(long Version, DateTimeOffset At, string Actor, string ActorName, string Description, string? Reason, string? Comment);

/// <summary>Revisions (newest first) and every step of an item's history.</summary>
public sealed record ItemHistory(ItemDetail Item, IReadOnlyList<RevisionSummary> Revisions, IReadOnlyList<HistoryEntry> Steps);

public sealed record GetItemHistory(Guid Id) : IRequest<ItemHistory>;

public sealed record GetRevision(Guid Id, int Revision) : IRequest<RevisionView>;

/// <summary>The word-level differences between two revisions, per field.</summary>
public sealed record RevisionComparison(Guid ItemId, int From, int To, IReadOnlyList<FieldDiff> Fields);

public sealed record FieldDiff(string Field, string Label, IReadOnlyList<DiffPiece> Pieces)
{
    public string Html => WordDiff.ToHtml(Pieces);
}

public sealed record CompareRevisions(Guid Id, int From, int To) : IRequest<RevisionComparison>;

internal sealed class ReadItemsHandler(IQuerySession session, PersonNames names)
    : IRequestHandler<ListItems, IReadOnlyList<ItemSummary>>, IRequestHandler<GetItem, ItemDetail>,
        IRequestHandler<GetItemHistory, ItemHistory>, IRequestHandler<GetRevision, RevisionView>,
        IRequestHandler<CompareRevisions, RevisionComparison>
{
    public async Task<IReadOnlyList<ItemSummary>> Handle(ListItems request, CancellationToken cancellationToken)
    {
        IQueryable<ItemState> query = session.Query<ItemState>();
        if (!string.IsNullOrWhiteSpace(request.Kind)) query = query.Where(i => i.Kind == request.Kind);
        if (request.Status is { } status) query = query.Where(i => i.Status == status);
        else if (!request.IncludeArchived) query = query.Where(i => i.Status != ItemStatus.Archived);
        var items = await query.OrderByDescending(i => i.LastChangedAt).Take(1000).ToListAsync(cancellationToken);
        var known = await names.NamesAsync(items.Select(i => i.LastAuthor), cancellationToken);
        return items.Select(i => new ItemSummary(i.Id, i.Version, i.Kind, i.Title, i.Number, i.Status, i.Revision, i.LastAuthor,
            PersonNames.NameOf(known, i.LastAuthor), i.LastChangedAt, i.PublishedRevision)).ToList();
    }

    /// <summary>The item with the numbers its sections have now (the form shows those; saving keeps the ids).</summary>
    public async Task<ItemDetail> Handle(GetItem request, CancellationToken cancellationToken)
    {
        var detail = ItemDetail.From(await LoadAsync(request.Id, cancellationToken));
        return detail with { Text = await SectionRefs.WithCurrentNumbersAsync(session, detail.Text, cancellationToken) };
    }

    public async Task<ItemHistory> Handle(GetItemHistory request, CancellationToken cancellationToken)
    {
        var item = await LoadAsync(request.Id, cancellationToken);
        var revisions = await session.Query<RevisionView>().Where(r => r.ItemId == request.Id).OrderByDescending(r => r.Revision)
            .ToListAsync(cancellationToken);
        var steps = await session.Query<ItemLogEntry>().Where(e => e.ItemId == request.Id).OrderByDescending(e => e.Version)
            .ToListAsync(cancellationToken);
        var known = await names.NamesAsync(revisions.Select(r => r.SavedBy).Concat(steps.Select(s => s.Actor))
            .Concat(revisions.Where(r => r.ProposerId is not null).Select(r => r.ProposerId!.Value.ToString())), cancellationToken);
        return new ItemHistory(ItemDetail.From(item),
            revisions.Select(r => new RevisionSummary(r.Revision, r.SavedAt, r.SavedBy, PersonNames.NameOf(known, r.SavedBy), r.Reason,
                r.RestoredFrom, r.ProposalId, r.Text.Title,
                r.ProposerId is { } proposer ? PersonNames.NameOf(known, proposer.ToString()) : null)).ToList(),
            steps.Select(s => new HistoryEntry(s.Version, s.At, s.Actor, PersonNames.NameOf(known, s.Actor), s.Description, s.Reason, s.Comment))
                .ToList());
    }

    public async Task<RevisionView> Handle(GetRevision request, CancellationToken cancellationToken) =>
        await session.LoadAsync<RevisionView>(RevisionView.IdOf(request.Id, request.Revision), cancellationToken)
        ?? throw new NotFoundException($"Revisie {request.Revision} van dit item bestaat niet.");

    public async Task<RevisionComparison> Handle(CompareRevisions request, CancellationToken cancellationToken)
    {
        var from = await Handle(new GetRevision(request.Id, request.From), cancellationToken);
        var to = await Handle(new GetRevision(request.Id, request.To), cancellationToken);
        return new RevisionComparison(request.Id, request.From, request.To, Compare(from.Text, to.Text));
    }

    /// <summary>Changed fields only; prose word by word, lists one entry per line.</summary>
    internal static IReadOnlyList<FieldDiff> Compare(ItemText? older, ItemText newer)
    {
        older ??= new ItemText();
        var fields = new (string Field, string Label, string Old, string New)[]
        {
            ("title", "Titel", older.Title, newer.Title),
            ("number", "Nummer", older.Number ?? "", newer.Number ?? ""),
            ("statement", "Stelling", older.Statement ?? "", newer.Statement ?? ""),
            ("body", "Tekst", older.Body, newer.Body),
            ("sources", "Bronnen", Lines(older.Sources.Select(SourceLine)), Lines(newer.Sources.Select(SourceLine))),
            ("themes", "Thema's", Lines(older.Themes), Lines(newer.Themes)),
            ("sections", "Paragrafen", Lines(older.Sections), Lines(newer.Sections)),
            ("categories", "Categorieën", Lines(older.Categories), Lines(newer.Categories)),
            ("date", "Datum", older.Date?.ToString("yyyy-MM-dd") ?? "", newer.Date?.ToString("yyyy-MM-dd") ?? ""),
            ("author", "Auteur", older.Author ?? "", newer.Author ?? ""),
            ("summary", "Waaier", Lines(older.Summary), Lines(newer.Summary)),
        };
        return fields.Where(f => f.Old != f.New)
            .Select(f => new FieldDiff(f.Field, f.Label, WordDiff.Compare(f.Old, f.New)))
            .ToList();
    }

    /// <summary>A source as readers know it from the lesson page: "Titel – Auteur (2012) · onderzoek · https://…".</summary>
    internal static string SourceLine(SourceRef s) =>
        s.Title + (s.Author is null ? "" : " – " + s.Author) + (s.Year is null ? "" : $" ({s.Year})") + " · " + SourceKinds.DutchName(s.Kind)
        + (s.Link is null ? "" : " · " + s.Link);

    private static string Lines(IEnumerable<string> values) => string.Join("\n", values);

    private async Task<ItemState> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await session.LoadAsync<ItemState>(id, cancellationToken) ?? throw new NotFoundException("Dit item bestaat niet.");

    internal static void MapEndpoints(RouteGroupBuilder items)
    {
        items.MapGet("/", async (string? kind, string? status, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListItems(kind, StableEnums.ParseOrNull<ItemStatus>(status, "status")), ct)))
            .WithName("ListContentItems").WithSummary("Items met hun status, ook concepten; status=in-review is de reviewrij (redactie)")
            .WithStatusQuery<ItemStatus>("status");
        items.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetItem(id), ct)))
            .WithName("GetContentItem").WithSummary("Eén item met de laatste revisie (redactie)");
        items.MapGet("/{id:guid}/history", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetItemHistory(id), ct)))
            .WithName("GetContentItemHistory").WithSummary("Revisies en alle stappen van een item: wie, wanneer, waarom (redactie)");
        items.MapGet("/{id:guid}/revisions/{revision:int}", async (Guid id, int revision, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetRevision(id, revision), ct)))
            .WithName("GetContentRevision").WithSummary("De volledige tekst van één revisie (redactie)");
        items.MapGet("/{id:guid}/diff", async (Guid id, int from, int to, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CompareRevisions(id, from, to), ct)))
            .WithName("CompareContentRevisions").WithSummary("Verschillen tussen twee revisies, woord voor woord (redactie)");
    }
}
