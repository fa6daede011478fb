using System.Net;
using Npgsql;
using NpgsqlTypes;
using Wijkengids.Content.Items;

namespace Wijkengids.Content.Search;

/// <summary>Search the published guide (and news): Dutch stemming, accents and case ignored, ranked, with highlighted snippets.</summary>
public sealed record SearchGuide(string? Query, string? Theme = null, string? Kind = null, int Page = 1) : IRequest<SearchResults>;

public sealed record SearchHit(Guid Id, string Kind, string Title, string TitleHtml, string Url, string SnippetHtml, double Rank);

public sealed record SearchResults(string Query, string? Theme, string? Kind, int Page, int PageSize, long Total, IReadOnlyList<SearchHit> Hits)
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
    }
}

internal sealed class SearchGuideHandler(IDocumentStore store) : IRequestHandler<SearchGuide, SearchResults>
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
        if (query.Length == 0) return new SearchResults("", theme, kind, 1, PageSize, 0, []);

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

    /// <summary>Encodes the text, then turns the markers into &lt;mark&gt; and fragment breaks into an ellipsis.</summary>
    internal static string Highlight(string marked) =>
        WebUtility.HtmlEncode(marked).Replace("\u0002", "<mark>").Replace("\u0003", "</mark>").Replace("\u0004", " … ").Replace("\n", " ");

    internal static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/api/content/search", async (string? q, string? theme, string? kind, int? page, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SearchGuide(q, theme, kind, page ?? 1), ct)))
            .WithTags("Content")
            .WithName("SearchGuide")
            .WithSummary("Zoeken in de gepubliceerde gids (Nederlands: stammen, accenten en hoofdletters genegeerd), gerangschikt, met fragmenten");
}
