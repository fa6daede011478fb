using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JasperFx.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Items;
using Wijkengids.Content.Themes;

namespace Wijkengids.Content.Seed;

/// <summary>
/// On every start, in every environment: imports what the seed texts shipped in this module hold (the
/// introduction "De wijkengids?", section 1.4 "Doel en samenstelling", four news items, the example themes) as
/// events by the system actor with reason "import". Idempotent: every seed item has a fixed stream id and is
/// skipped when its stream exists, so editors' later changes are never overwritten.
/// </summary>
internal sealed class SeedImport(IDocumentStore store, TimeProvider clock, ILogger<SeedImport> logger)
    : IHostedService
{
    public const string Reason = "import";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var imported = 0;
        foreach (var theme in Themes())
        {
            imported += await ImportAsync(IdOf("theme", theme), id => [new ThemeDefined(id, Slugs.From(theme), theme, null)],
                typeof(ThemeView), cancellationToken);
        }
        foreach (var (key, kind, slug, text) in Items())
        {
            imported += await ImportAsync(IdOf(kind, key), id =>
            [
                new ItemCreated(id, kind, slug),
                new DraftSaved(id, 1, text),
                new ItemPublished(id, kind, slug, 1, text, [], clock.GetUtcNow()),
            ], typeof(ItemState), cancellationToken);
        }
        if (imported > 0)
        {
            logger.LogInformation("Startinhoud van de wijkengids geïmporteerd ({Count} onderdelen)", imported);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The seed items: key, kind, slug and text.</summary>
    internal static IEnumerable<(string Key, string Kind, string Slug, ItemText Text)> Items()
    {
        var (introTitle, introBody) = Markdown("introductie.md");
        yield return ("introductie", ItemKinds.Page, ItemKinds.IntroductionSlug, new ItemText { Title = introTitle, Body = introBody }.Normalized());

        var (sectionTitle, sectionBody) = Markdown("paragraaf-1.4.md");
        var number = sectionTitle.Split(' ')[0];
        yield return ("1.4", ItemKinds.Section, "paragraaf-1-4",
            new ItemText { Number = number, Title = sectionTitle[(number.Length + 1)..], Body = sectionBody }.Normalized());

        using var news = JsonDocument.Parse(Resource("nieuws.json"));
        foreach (var item in news.RootElement.GetProperty("items").EnumerateArray())
        {
            var title = item.GetProperty("title").GetString()!;
            yield return (title, ItemKinds.News, Slugs.From(title), new ItemText
            {
                Title = title,
                Body = item.GetProperty("body").GetString()!,
                Categories = item.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToList(),
            }.Normalized());
        }
    }

    internal static IEnumerable<string> Themes()
    {
        using var themes = JsonDocument.Parse(Resource("themas.json"));
        return themes.RootElement.GetProperty("themes").EnumerateArray().Select(t => t.GetString()!).ToList();
    }

    /// <summary>A stable id per seed item, so a second start (or a second host) finds what the first imported.</summary>
    internal static Guid IdOf(string kind, string key)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes($"wijkengids-seed:{kind}:{key}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x30);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }

    private async Task<int> ImportAsync(Guid id, Func<Guid, object[]> events, Type aggregate, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        if (await session.Events.FetchStreamStateAsync(id, cancellationToken) is not null) return 0;
        session.Stamp(FixedRequestContext.System(), Reason);
        session.Events.StartStream(aggregate, id, events(id));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return 1;
        }
        catch (Exception e) when (e.GetType().Name == "ExistingStreamIdCollisionException")
        {
            return 0; // another host imported it at the same moment
        }
    }

    private static (string Title, string Body) Markdown(string name)
    {
        var text = Resource(name).Replace("\r\n", "\n");
        var firstBreak = text.IndexOf('\n');
        return (text[..firstBreak].TrimStart('#', ' ').Trim(), text[(firstBreak + 1)..].Trim());
    }

    private static string Resource(string name)
    {
        using var stream = typeof(SeedImport).Assembly.GetManifestResourceStream($"Seed/{name}")
                           ?? throw new InvalidOperationException($"Seedtekst {name} ontbreekt in de module.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
