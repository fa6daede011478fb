using System.Net;
using Npgsql;
using NpgsqlTypes;
using Wijkengids.Content.Items;

namespace Wijkengids.Content.Search;

/// <summary>Search the published guide (and news): Dutch stemming, accents and case ignored, ranked, with highlighted snippets.</summary>
/// <summary>
/// <see cref="In"/>: where to search — the current guide (null or "nu"), one update ("3") or every update ("alle"); through
/// time a hit says in which updates the text occurred and links the update page (docs/adr/0107).
/// </summary>
public sealed record SearchGuide(string? Query, string? Theme = null, string? Kind = null, int Page = 1, string? In = null) : IRequest<SearchResults>
{
    public const string Now = "nu";
    public const string AllUpdates = "alle";

    public static bool ValidIn(string? value) => string.IsNullOrEmpty(value) || value is Now or AllUpdates || int.TryParse(value, out var n) && n > 0;
}

/// <summary>
/// One hit. Through time: <see cref="Updates"/> are the runs of updates in which the matching text occurred and
/// <see cref="Occurrence"/> says so in Dutch ("in update 2 tot en met 4; verwijderd in update 5").
/// </summary>
public sealed record SearchHit(Guid Id, string Kind, string Title, string TitleHtml, string Url, string SnippetHtml, double Rank,
    IReadOnlyList<UpdateSpan>? Updates = null, string? Occurrence = null);

/// <summary>Updates <see cref="From"/> to <see cref="To"/> (inclusive); <see cref="RemovedIn"/>: the update that no longer had it.</summary>
public sealed record UpdateSpan(int From, int To, int? RemovedIn);

public sealed record SearchResults(string Query, string? Theme, string? Kind, int Page, int PageSize, long Total, IReadOnlyList<SearchHit> Hits,
    string In = SearchGuide.Now)
{
    public int Pages => (int)Math.Ceiling(Total / (double)PageSize);
}

internal sealed class SearchGuideValidator : AbstractValidator<SearchGuide>
{
    public SearchGuideValidator()
    {
        RuleFor(x => x.Query).MaximumLength(200).WithMessage("Een zoekvraag mag hoogstens 200 tekens hebben.");
        RuleFor(x => x.Kind).Must(k => k is null || ItemKinds.All.Contains(k)).WithMessage("Onbekende soort.");
        RuleFor(x => x.Theme).MaximumLength(60).WithMessage("Onbekend thema.");
        RuleFor(x => x.Page).InclusiveBetween(1, 1000).WithMessage("Kies een pagina tussen 1 en 1000.");
        RuleFor(x => x.In).Must(SearchGuide.ValidIn).WithMessage("Kies waarin u zoekt: de huidige gids (nu), alle updates (alle) of een updatenummer.");
    }
}

internal sealed class SearchGuideHandler(IDocumentStore store, IQuerySession session) : IRequestHandler<SearchGuide, SearchResults>
{
    public const int PageSize = 10;

    // Control characters mark highlights and fragment breaks, so the text can be HTML-encoded safely afterwards.
    private const string Options = "StartSel=\u0002, StopSel=\u0003, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=\u0004";
    private const string TitleOptions = "HighlightAll=true, StartSel=\u0002, StopSel=\u0003";

    private const string Sql =
        $"""
        with search as (select websearch_to_tsquery('{SearchIndex.Configuration}'::regconfig, @query) as q)
        select e.id, e.kind, e.url, e.title,
               ts_headline('{SearchIndex.Configuration}'::regconfig, e.title, search.q, '{TitleOptions}') as title_html,
               ts_headline('{SearchIndex.Configuration}'::regconfig, e.statement || E'\n' || e.body, search.q, '{Options}') as snippet,
               ts_rank_cd(e.document, search.q, 1) as rank,
               count(*) over () as total
        from content.search_entries e, search
        where e.document @@ search.q
          and (@theme::text is null or @theme::text = any(e.themes))
          and (@kind::text is null or e.kind = @kind::text)
        order by rank desc, e.published_at desc
        limit @limit offset @offset
        """;

    public async Task<SearchResults> Handle(SearchGuide request, CancellationToken cancellationToken)
    {
        var query = (request.Query ?? "").Trim();
        var theme = string.IsNullOrWhiteSpace(request.Theme) ? null : request.Theme.Trim();
        var kind = string.IsNullOrWhiteSpace(request.Kind) ? null : request.Kind;
        if (query.Length == 0) return new SearchResults("", theme, kind, 1, PageSize, 0, [], request.In ?? SearchGuide.Now);
        if (!string.IsNullOrEmpty(request.In) && request.In != SearchGuide.Now) return await ThroughTimeAsync(request, query, kind, cancellationToken);

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue("query", query);
        command.Parameters.Add(new NpgsqlParameter("theme", NpgsqlDbType.Text) { Value = (object?)theme ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("kind", NpgsqlDbType.Text) { Value = (object?)kind ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", PageSize);
        command.Parameters.AddWithValue("offset", (request.Page - 1) * PageSize);

        var hits = new List<SearchHit>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            total = reader.GetInt64(7);
            hits.Add(new SearchHit(reader.GetGuid(0), reader.GetString(1), reader.GetString(3), Highlight(reader.GetString(4)), reader.GetString(2),
                Highlight(reader.GetString(5)), reader.GetFloat(6)));
        }
        return new SearchResults(query, theme, kind, request.Page, PageSize, total, hits);
    }

    // Through time: the matching versions, grouped per item (ranked by its best version), a page of items, and for each the
    // snippet of its latest matching text. Only texts that were in at least one update count.
    private const string TimeSql =
        $"""
        with search as (select websearch_to_tsquery('{SearchIndex.Configuration}'::regconfig, @query) as q),
        hits as (
          select v.item_id, v.version_id, v.from_edition, coalesce(v.until_edition, @next) as until_edition,
                 ts_rank_cd(v.document, search.q, 1) as rank
          from content.search_versions v, search
          where v.document @@ search.q
            and v.from_edition <= @last and v.from_edition < coalesce(v.until_edition, @next)
            and v.from_edition <= @upto and coalesce(v.until_edition, @next) > @since
            and (@kind::text is null or v.kind = @kind::text)
        ),
        items as (
          select item_id, array_agg(from_edition order by from_edition) as froms, array_agg(until_edition order by from_edition) as untils,
                 max(rank) as rank, (array_agg(version_id order by from_edition desc))[1] as latest_version, count(*) over () as total
          from hits group by item_id
          order by max(rank) desc, item_id
          limit @limit offset @offset
        )
        select i.item_id, v.kind, v.slug, v.number, v.title,
               ts_headline('{SearchIndex.Configuration}'::regconfig, v.title, search.q, '{TitleOptions}') as title_html,
               ts_headline('{SearchIndex.Configuration}'::regconfig, v.statement || E'\n' || v.body, search.q, '{Options}') as snippet,
               i.rank, i.total, i.froms, i.untils
        from items i join content.search_versions v on v.version_id = i.latest_version, search
        order by i.rank desc, i.item_id
        """;

    private async Task<SearchResults> ThroughTimeAsync(SearchGuide request, string query, string? kind, CancellationToken cancellationToken)
    {
        var timeline = await session.LoadAsync<Reading.GuideTimeline>(Reading.GuideTimeline.SingletonId, cancellationToken) ?? new Reading.GuideTimeline();
        var last = timeline.Latest;
        int? one = request.In == SearchGuide.AllUpdates ? null : int.Parse(request.In!);
        if (one is { } asked && timeline.Editions.All(e => e.Number != asked))
        {
            throw new NotFoundException($"Update {asked} bestaat niet (of is nog niet gepubliceerd).");
        }
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(TimeSql, connection);
        command.Parameters.AddWithValue("query", query);
        command.Parameters.AddWithValue("next", last + 1);
        command.Parameters.AddWithValue("last", last);
        command.Parameters.AddWithValue("upto", one ?? last);
        command.Parameters.AddWithValue("since", one ?? 0);
        command.Parameters.Add(new NpgsqlParameter("kind", NpgsqlDbType.Text) { Value = (object?)kind ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", PageSize);
        command.Parameters.AddWithValue("offset", (request.Page - 1) * PageSize);

        var hits = new List<SearchHit>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            total = reader.GetInt64(8);
            var itemKind = reader.GetString(1);
            var spans = Spans(reader.GetFieldValue<int[]>(9), reader.GetFieldValue<int[]>(10), last);
            var shown = one ?? spans[^1].To;
            var url = itemKind switch
            {
                ItemKinds.Section => Reading.ReadGuideAsOfHandler.SectionUrl(reader.GetString(3), shown),
                ItemKinds.Lesson => Reading.ReadGuideAsOfHandler.LessonUrl(reader.GetString(2), shown),
                _ => Reading.ReadGuideAsOfHandler.ContentsUrl(shown),
            };
            hits.Add(new SearchHit(reader.GetGuid(0), itemKind, reader.GetString(4), Highlight(reader.GetString(5)), url,
                Highlight(reader.GetString(6)), reader.GetFloat(7), spans, Describe(spans)));
        }
        return new SearchResults(query, null, kind, request.Page, PageSize, total, hits, request.In!);
    }

    /// <summary>Half-open runs [from, until) of updates merged where one text follows the other.</summary>
    internal static IReadOnlyList<UpdateSpan> Spans(IReadOnlyList<int> froms, IReadOnlyList<int> untils, int last)
    {
        var spans = new List<UpdateSpan>();
        for (var i = 0; i < froms.Count; i++)
        {
            var until = untils[i];
            if (spans.Count > 0 && spans[^1].RemovedIn == froms[i])
            {
                spans[^1] = spans[^1] with { To = until - 1, RemovedIn = until <= last ? until : null };
                continue;
            }
            spans.Add(new UpdateSpan(froms[i], until - 1, until <= last ? until : null));
        }
        return spans;
    }

    /// <summary>"in update 2 tot en met 4; verwijderd in update 5" (per run, joined with "; ").</summary>
    internal static string Describe(IReadOnlyList<UpdateSpan> spans) =>
        string.Join("; ", spans.Select(s =>
            (s.From == s.To ? $"in update {s.From}" : $"in update {s.From} tot en met {s.To}") +
            (s.RemovedIn is { } removed ? $"; verwijderd in update {removed}" : "")));

    /// <summary>Encodes the text, then turns the markers into &lt;mark&gt; and fragment breaks into an ellipsis.</summary>
    internal static string Highlight(string marked) =>
        WebUtility.HtmlEncode(marked).Replace("\u0002", "<mark>").Replace("\u0003", "</mark>").Replace("\u0004", " … ").Replace("\n", " ");

    internal static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/api/content/search", async (string? q, string? theme, string? kind, int? page, string? @in, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SearchGuide(q, theme, kind, page ?? 1, @in), ct)))
            .WithTags("Content")
            .WithName("SearchGuide")
            .WithSummary("Zoeken in de gepubliceerde gids (Nederlands: stammen, accenten en hoofdletters genegeerd), gerangschikt, met fragmenten; " +
                         "met in=alle in alle updates, met in=3 in update 3 (per treffer: in welke updates de tekst stond)");
}
