using Wijkengids.Content.Items;
using Wijkengids.Content.People;
using Wijkengids.Content.Rendering;

namespace Wijkengids.Content.Reading;

/// <summary>
/// One paragraph of a lesson's current text and where it comes from: the update that introduced it or last changed it
/// (null while that text has not appeared in an update yet), when it was published, and the contributors whose proposals
/// that revision took in (none: the editors wrote it).
/// </summary>
public sealed record ParagraphOrigin(string Html, UpdateRef? Update, DateTimeOffset PublishedAt, IReadOnlyList<string> Contributors);

/// <summary>The words that changed between the lesson's text in update <see cref="From"/> and in update <see cref="To"/>.</summary>
public sealed record LessonComparison(int From, int To, IReadOnlyList<FieldDiff> Fields);

/// <summary>A lesson's public history: the updates it appeared in, each paragraph's origin, and optionally a comparison.</summary>
public sealed record LessonTimeline(string Slug, string Title, string? CurrentUrl, IReadOnlyList<PageMemento> Updates,
    IReadOnlyList<ParagraphOrigin> Paragraphs, LessonComparison? Comparison);

public sealed record GetLessonHistory(string Slug, int? From = null, int? To = null) : IRequest<LessonTimeline>;

/// <summary>
/// The public "blame" of a lesson (docs/adr/0107): walks the texts the lesson had in successive updates (and its current
/// text, when it is newer) and credits each paragraph to the text in which it last changed.
/// </summary>
internal sealed class LessonHistoryHandler(IQuerySession session, PersonNames names, IMediator mediator)
    : IRequestHandler<GetLessonHistory, LessonTimeline>
{
    public async Task<LessonTimeline> Handle(GetLessonHistory request, CancellationToken cancellationToken)
    {
        var versions = (await session.Query<ItemVersion>().Where(v => v.Kind == ItemKinds.Lesson && v.Slug == request.Slug)
            .ToListAsync(cancellationToken)).OrderBy(v => v.PublishedAt).ToList();
        if (versions.Count == 0) throw new NotFoundException("Deze les bestaat niet (of is nooit gepubliceerd).");
        var timeline = await session.LoadAsync<GuideTimeline>(GuideTimeline.SingletonId, cancellationToken) ?? new GuideTimeline();
        var latest = timeline.Latest;
        // The texts readers could read: those in at least one update, and the one published now.
        var chain = versions.Where(v => v.UntilEdition is null || (v.FromEdition < v.UntilEdition && v.FromEdition <= latest)).ToList();
        var updates = await mediator.Send(new GetMementos(ItemKinds.Lesson, request.Slug), cancellationToken);
        var current = chain.LastOrDefault(v => v.UntilEdition is null);
        var shown = current ?? chain.LastOrDefault() ?? versions[^1];

        var proposers = chain.SelectMany(v => v.Item.Contributions).Select(c => c.ProposerId.ToString()).Distinct().ToList();
        var known = await names.NamesAsync(proposers, cancellationToken);
        var paragraphs = new List<ParagraphOrigin>();
        var at = chain.IndexOf(shown);
        foreach (var paragraph in Paragraphs(shown.Text))
        {
            var k = at;
            while (k > 0 && Paragraphs(chain[k - 1].Text).Contains(paragraph)) k--;
            var origin = chain.Count == 0 ? shown : chain[k];
            var before = k > 0 ? chain[k - 1].Item.Contributions.Select(c => c.ProposalId).ToHashSet() : [];
            var contributors = origin.Item.Contributions.Where(c => !before.Contains(c.ProposalId))
                .Select(c => PersonNames.NameOf(known, c.ProposerId.ToString()))
                .Where(n => n is not (PersonNames.ErasedName or "onbekend")).Distinct().ToList();
            var update = origin.FromEdition <= latest ? timeline.Editions.FirstOrDefault(e => e.Number == origin.FromEdition) : null;
            paragraphs.Add(new ParagraphOrigin(ContentMarkdown.ToHtml(paragraph),
                update is null ? null : new UpdateRef(update.Number, update.Title, update.PublishedAt), origin.PublishedAt, contributors));
        }

        LessonComparison? comparison = null;
        if (request.From is { } from && request.To is { } to)
        {
            foreach (var number in new[] { from, to }.Where(n => timeline.Editions.All(e => e.Number != n)))
            {
                throw new NotFoundException($"Update {number} bestaat niet (of is nog niet gepubliceerd).");
            }
            var older = TextIn(versions, from) ?? throw new NotFoundException($"Deze les stond niet in update {from}.");
            var newer = TextIn(versions, to) ?? throw new NotFoundException($"Deze les stond niet in update {to}.");
            comparison = new LessonComparison(from, to, ReadItemsHandler.Compare(older, newer));
        }
        var now = current is null ? null : await session.LoadAsync<PublicItem>(current.ItemId, cancellationToken);
        return new LessonTimeline(request.Slug, shown.Item.Title, now?.Url, updates, paragraphs, comparison);
    }

    private static ItemText? TextIn(IEnumerable<ItemVersion> versions, int update) =>
        versions.Where(v => v.InEdition(update)).OrderByDescending(v => v.PublishedAt).FirstOrDefault()?.Text;

    /// <summary>The statement, then the body's paragraphs (blocks between blank lines).</summary>
    internal static IReadOnlyList<string> Paragraphs(ItemText text) =>
        new[] { text.Statement ?? "" }
            .Concat(text.Body.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(p => p.Length > 0).ToList();

    internal static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/api/content/lessons/{slug}/history", async (string slug, int? from, int? to, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetLessonHistory(slug, from, to), ct)))
            .WithTags("Content").WithName("GetLessonHistory")
            .WithSummary("De geschiedenis van een les: per alinea de update die haar invoerde of het laatst wijzigde, met de bijdragers; met from en to de verschillen tussen twee updates");
}
