using System.Diagnostics;
using Bogus;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Items;
using Wijkengids.Content.Themes;

namespace Wijkengids.Content.Seed;

/// <summary>
/// <c>dotnet run --project src/Host -- seed-demo --lessons 2000</c>: fills a large guide with DEMO content (Bogus,
/// Dutch locale) for trying and benchmarking. Everything is clearly marked: chapter titles start with "Demo", every
/// body says it is generated, and the events carry reason "demo-data" (actor system, published without review).
/// Never run it on a real guide.
/// </summary>
internal sealed class DemoSeedCommand : ICommandLineCommand
{
    public const string Reason = "demo-data";
    private const int Batch = 100;

    private static readonly string[] Topics =
    [
        "bewonersparticipatie", "wijkbudget", "buurtbeheer", "veiligheid op straat", "schoolkeuze", "werkgelegenheid", "zorg dichtbij",
        "leefbaarheid", "woningcorporaties", "ontmoetingsplekken", "jongerenwerk", "ouderen in de wijk", "taalles", "armoedebestrijding",
        "groen in de buurt", "sociale samenhang", "wijkteams", "achter de voordeur", "vastgoed en herstructurering", "ondernemers in de wijk",
    ];

    private static readonly string[] Verbs = ["Betrek", "Investeer in", "Begin klein met", "Meet het effect van", "Geef ruimte aan", "Verbind", "Houd vol met"];

    public string Name => "seed-demo";

    public string Description => "Vult de gids met demo-inhoud (Bogus, nl): --lessons N (standaard 200). Alleen om te proberen en te meten.";

    public async Task<int> RunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken)
    {
        var lessons = 200;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lessons" && i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n is > 0 and <= 100_000) lessons = n;
            else if (args[i] is "--help" or "-h")
            {
                Console.WriteLine($"seed-demo: {Description}");
                return 0;
            }
            else if (args[i] == "--lessons")
            {
                Console.Error.WriteLine("Geef bij --lessons een aantal tussen 1 en 100000.");
                return 2;
            }
        }

        var store = services.GetRequiredService<IDocumentStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        var stopwatch = Stopwatch.StartNew();
        var faker = new Faker("nl") { Random = new Randomizer(2012 + lessons) };
        Console.WriteLine($"[seed-demo] DEMO-inhoud: {lessons} lessen worden aangemaakt (reden \"{Reason}\").");

        await using var query = store.QuerySession();
        var existingChapters = await query.Query<ItemState>().Where(i => i.Kind == ItemKinds.Chapter || i.Kind == ItemKinds.Section)
            .Select(i => i.Number!).ToListAsync(cancellationToken);
        var firstChapter = existingChapters.Select(n => int.TryParse(n.Split('.')[0], out var c) ? c : 0).DefaultIfEmpty(1).Max() + 1;
        var themes = await query.Query<ThemeView>().Select(t => t.Slug).ToListAsync(cancellationToken);
        var usedSlugs = (await query.Query<ItemState>().Where(i => i.Kind == ItemKinds.Lesson).Select(i => i.Slug).ToListAsync(cancellationToken)).ToHashSet();

        // Structure: about one section per 25 lessons, six sections per chapter.
        var sectionCount = Math.Clamp(lessons / 25, 2, 300);
        var sections = new List<string>();
        var structure = new List<(string Kind, ItemText Text)>();
        for (var s = 0; s < sectionCount; s++)
        {
            var chapter = firstChapter + s / 6;
            if (s % 6 == 0)
            {
                structure.Add((ItemKinds.Chapter, new ItemText
                {
                    Title = $"Demo: {faker.PickRandom(Topics)}", Number = chapter.ToString(), Body = Marker,
                    Summary = Enumerable.Range(0, 3).Select(_ => $"{faker.PickRandom(Verbs)} {faker.PickRandom(Topics)}.").ToList(),
                }));
            }
            var number = $"{chapter}.{s % 6 + 1}";
            sections.Add(number);
            structure.Add((ItemKinds.Section, new ItemText { Title = Capital(faker.PickRandom(Topics)), Number = number, Body = Paragraphs(faker, 2) }));
        }
        await AppendAsync(store, structure.Select(x => (x.Kind, Slugs.From($"demo {ItemKinds.DutchName(x.Kind)} {x.Text.Number}"), x.Text)), clock, cancellationToken);
        Console.WriteLine($"[seed-demo] {structure.Count} hoofdstukken en paragrafen");

        for (var done = 0; done < lessons; done += Batch)
        {
            var batch = Enumerable.Range(done, Math.Min(Batch, lessons - done)).Select(_ =>
            {
                var title = $"{faker.PickRandom(Verbs)} {faker.PickRandom(Topics)} in {faker.Address.City()}";
                var slug = Slugs.From(title);
                for (var n = 2; !usedSlugs.Add(slug); n++) slug = $"{Slugs.From(title)}-{n}";
                var text = new ItemText
                {
                    Title = title,
                    Statement = $"{faker.PickRandom(Verbs)} {faker.PickRandom(Topics)}: {faker.Lorem.Sentence(8)}",
                    Body = Paragraphs(faker, 3),
                    Themes = themes.Count == 0 ? [] : faker.PickRandom(themes, faker.Random.Int(1, Math.Min(2, themes.Count))).ToList(),
                    Sections = [faker.PickRandom(sections)],
                    Sources =
                    [
                        new SourceRef($"Rapport {faker.PickRandom(Topics)}", faker.Company.CompanyName(), faker.Random.Int(2005, 2012),
                            $"https://example.org/demo/{faker.Random.AlphaNumeric(8)}", faker.PickRandom(SourceKinds.All.ToArray())),
                    ],
                }.Normalized();
                return (ItemKinds.Lesson, slug, text);
            }).ToList();
            await AppendAsync(store, batch, clock, cancellationToken);
            Console.WriteLine($"[seed-demo] {Math.Min(done + Batch, lessons)}/{lessons} lessen ({stopwatch.Elapsed.TotalSeconds:F0} s)");
        }
        Console.WriteLine($"[seed-demo] klaar in {stopwatch.Elapsed.TotalSeconds:F0} s.");
        return 0;
    }

    private const string Marker = "*Demotekst, gegenereerd om de wijkengids te proberen en te meten. Geen echte les.*";

    private static string Paragraphs(Faker faker, int count) =>
        Marker + "\n\n" + string.Join("\n\n", Enumerable.Range(0, count).Select(_ =>
            $"In {faker.Address.City()} leerden we dat {faker.PickRandom(Topics)} en {faker.PickRandom(Topics)} samen opgaan. " +
            $"{faker.Name.FirstName()} van {faker.Company.CompanyName()}: \u201c{faker.Lorem.Sentence(10)}\u201d {faker.Lorem.Paragraph(2)}"));

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>One session (one transaction) per batch: created, first revision and published, by the system actor.</summary>
    private static async Task AppendAsync(IDocumentStore store, IEnumerable<(string Kind, string Slug, ItemText Text)> items, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Stamp(FixedRequestContext.System(), Reason);
        foreach (var (kind, slug, text) in items)
        {
            var id = Guid.NewGuid();
            session.Events.StartStream<ItemState>(id, new ItemCreated(id, kind, slug), new DraftSaved(id, 1, text),
                new ItemPublished(id, kind, slug, 1, text, [], clock.GetUtcNow()));
        }
        await session.SaveChangesAsync(cancellationToken);
    }
}
