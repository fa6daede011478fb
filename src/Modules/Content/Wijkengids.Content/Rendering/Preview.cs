namespace Wijkengids.Content.Rendering;

public sealed record PreviewRequest(string? Markdown);

public sealed record PreviewResult(string Html);

internal static class PreviewEndpoint
{
    public static void Map(RouteGroupBuilder editors) =>
        editors.MapPost("/preview", (PreviewRequest body) => TypedResults.Ok(new PreviewResult(ContentMarkdown.ToHtml(body.Markdown))))
            .WithName("PreviewMarkdown")
            .WithSummary("Markdown omzetten naar de (opgeschoonde) HTML die lezers zien (redactie)");
}
