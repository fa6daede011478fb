using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Search;

/// <summary>
/// The full-text index of published text: table content.search_entries with a weighted tsvector in the text
/// search configuration content.wijkengids, a copy of PostgreSQL's "dutch" (stemming: "wijken" finds "wijk")
/// with unaccent in front when that extension is available (else only lower case). Maintained by the inline
/// <see cref="PublicGuideProjection"/>, so only published text is ever in it (docs/adr/0012).
/// </summary>
internal static class SearchIndex
{
    public const string Configuration = "content.wijkengids";

    public static void Upsert(IDocumentOperations operations, PublicItem item, string plainBody) =>
        operations.QueueSqlCommand(
            $"""
            insert into content.search_entries (id, kind, url, title, statement, body, themes, published_at, document)
            values (?, ?, ?, ?, ?, ?, ?, ?,
                setweight(to_tsvector('{Configuration}'::regconfig, ?), 'A') ||
                setweight(to_tsvector('{Configuration}'::regconfig, ?), 'B') ||
                setweight(to_tsvector('{Configuration}'::regconfig, ?), 'C'))
            on conflict (id) do update set kind = excluded.kind, url = excluded.url, title = excluded.title,
                statement = excluded.statement, body = excluded.body, themes = excluded.themes,
                published_at = excluded.published_at, document = excluded.document
            """,
            item.Id, item.Kind, item.Url, item.Title, item.Statement ?? "", plainBody, item.Themes.ToArray(),
            item.PublishedAt.ToUniversalTime(), item.Title, item.Statement ?? "", plainBody);

    /// <summary>A published text as a version of the guide (searching through time, docs/adr/0107).</summary>
    public static void UpsertVersion(IDocumentOperations operations, ItemVersion version, string plainBody) =>
        operations.QueueSqlCommand(
            $"""
            insert into content.search_versions (version_id, item_id, kind, slug, number, title, statement, body, from_edition, until_edition, document)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, null,
                setweight(to_tsvector('{Configuration}'::regconfig, ?), 'A') ||
                setweight(to_tsvector('{Configuration}'::regconfig, ?), 'B') ||
                setweight(to_tsvector('{Configuration}'::regconfig, ?), 'C'))
            on conflict (version_id) do update set from_edition = excluded.from_edition, until_edition = null
            """,
            version.Id, version.ItemId, version.Kind, version.Slug, version.Number ?? "", version.Item.Title, version.Item.Statement ?? "", plainBody,
            version.FromEdition, version.Item.Title, version.Item.Statement ?? "", plainBody);

    public static void EndVersion(IDocumentOperations operations, Guid versionId, int untilEdition) =>
        operations.QueueSqlCommand("update content.search_versions set until_edition = ? where version_id = ?", untilEdition, versionId);

    public static void Remove(IDocumentOperations operations, Guid id) =>
        operations.QueueSqlCommand("delete from content.search_entries where id = ?", id);

    /// <summary>Idempotent DDL, run at every start (before anything is published).</summary>
    public const string Ddl =
        $$"""
        create schema if not exists content;
        do $$
        begin
          begin
            create extension if not exists unaccent;
          exception when others then
            raise notice 'unaccent is niet beschikbaar: zoeken negeert dan alleen hoofdletters';
          end;
          if not exists (select 1 from pg_ts_config c join pg_namespace n on n.oid = c.cfgnamespace
                         where n.nspname = 'content' and c.cfgname = 'wijkengids') then
            create text search configuration {{Configuration}} (copy = pg_catalog.dutch);
            if exists (select 1 from pg_ts_dict where dictname = 'unaccent') then
              execute format('alter text search configuration {{Configuration}} alter mapping for hword, hword_part, word with %s, dutch_stem',
                (select quote_ident(n.nspname) || '.unaccent' from pg_ts_dict d join pg_namespace n on n.oid = d.dictnamespace
                 where d.dictname = 'unaccent' limit 1));
            end if;
          end if;
        exception when unique_violation or duplicate_object then
          null; -- another host created it at the same moment
        end $$;
        create table if not exists content.search_entries (
          id uuid primary key,
          kind text not null,
          url text not null,
          title text not null,
          statement text not null default '',
          body text not null,
          themes text[] not null default '{}',
          published_at timestamptz not null,
          document tsvector not null
        );
        create index if not exists search_entries_document on content.search_entries using gin (document);
        create index if not exists search_entries_themes on content.search_entries using gin (themes);
        create table if not exists content.search_versions (
          version_id uuid primary key,
          item_id uuid not null,
          kind text not null,
          slug text not null,
          number text not null default '',
          title text not null,
          statement text not null default '',
          body text not null,
          from_edition int not null,
          until_edition int,
          document tsvector not null
        );
        create index if not exists search_versions_document on content.search_versions using gin (document);
        create index if not exists search_versions_item on content.search_versions (item_id);
        """;
}

/// <summary>Creates the search index's table and configuration at start-up.</summary>
internal sealed class SearchSchema(IDocumentStore store, ILogger<SearchSchema> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(SearchIndex.Ddl, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        logger.LogDebug("Zoekindex klaar");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
