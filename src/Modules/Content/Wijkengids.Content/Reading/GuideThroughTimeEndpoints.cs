using Wijkengids.Content.Caching;
using Wijkengids.Content.Items;

namespace Wijkengids.Content.Reading;

/// <summary>The guide through time in the API, and the TimeMaps of the pages (docs/adr/0107).</summary>
internal static class GuideThroughTimeEndpoints
{
    internal static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/gids/{number}/tijdkaart", (string number, HttpRequest request, IMediator m, CancellationToken ct) =>
                TimeMapAsync(request, m, ItemKinds.Section, number, $"/gids/{number}", ct))
            .ExcludeFromDescription();
        endpoints.MapGet("/lessen/{slug}/tijdkaart", (string slug, HttpRequest request, IMediator m, CancellationToken ct) =>
                TimeMapAsync(request, m, ItemKinds.Lesson, slug, $"/lessen/{slug}", ct))
            .ExcludeFromDescription();

        var api = endpoints.MapGroup("/api/content").WithTags("Content");
        api.MapGet("/editions/{update:int}/guide", async (int update, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetContentsAsOf(update), ct)))
            .WithName("GetGuideContentsAsOfEdition").WithSummary("De inhoudsopgave (en waaierpunten) zoals gepubliceerd in update N");
        api.MapGet("/editions/{update:int}/sections/{number}", async (int update, string number, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetSectionAsOf(number, update), ct)))
            .WithName("GetSectionAsOfEdition").WithSummary("Een paragraaf met haar lessen zoals gepubliceerd in update N (nooit meer gewijzigd)");
        api.MapGet("/editions/{update:int}/lessons/{slug}", async (int update, string slug, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetLessonAsOf(slug, update), ct)))
            .WithName("GetLessonAsOfEdition").WithSummary("Een les met bronnen en bijdragers zoals gepubliceerd in update N (nooit meer gewijzigd)");
        api.MapGet("/guide/as-of", async (string? date, IMediator m, CancellationToken ct) =>
            {
                var on = await m.Send(new GetGuideOnDate(date), ct);
                if (on.Update is null)
                {
                    var none = new NotFoundException($"Op {Display.Date(on.Date)} was er nog geen update van de wijkengids gepubliceerd." +
                                                     (on.First is { } first ? $" De eerste update verscheen op {Display.Date(first.PublishedAt)}." : ""));
                    if (on.First is { } f) none.Extensions["first"] = f.Number;
                    throw none;
                }
                return TypedResults.Ok(await m.Send(new GetContentsAsOf(on.Update.Number), ct));
            })
            .WithName("GetGuideOnDate").WithSummary("De gids zoals die gold op een datum (jjjj-mm-dd): de laatste update van die dag");
        api.MapGet("/sections/{number}/updates", async (string number, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetMementos(ItemKinds.Section, number), ct)))
            .WithName("ListSectionUpdates").WithSummary("De updates waarin deze paragraaf stond, met het adres van haar tekst van toen");
        api.MapGet("/lessons/{slug}/updates", async (string slug, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetMementos(ItemKinds.Lesson, slug), ct)))
            .WithName("ListLessonUpdates").WithSummary("De updates waarin deze les stond, met het adres van haar tekst van toen");
    }

    private static async Task<IResult> TimeMapAsync(HttpRequest request, IMediator mediator, string kind, string key, string original, CancellationToken ct)
    {
        var mementos = await mediator.Send(new GetMementos(kind, key), ct);
        if (mementos.Count == 0) return Results.NotFound();
        return Results.Text(Memento.TimeMap(request, original, mementos), Memento.LinkFormat);
    }
}
