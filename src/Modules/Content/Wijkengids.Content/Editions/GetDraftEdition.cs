namespace Wijkengids.Content.Editions;

/// <summary>The edition being prepared (not yet published), if any.</summary>
public sealed record GetDraftEdition : IRequest<EditionView?>;

internal sealed class GetDraftEditionHandler(IQuerySession session) : IRequestHandler<GetDraftEdition, EditionView?>
{
    public async Task<EditionView?> Handle(GetDraftEdition request, CancellationToken cancellationToken) =>
        await session.Query<EditionView>().Where(e => !e.Published).OrderByDescending(e => e.Number).FirstOrDefaultAsync(cancellationToken);

    internal static void MapEndpoint(RouteGroupBuilder editions) =>
        editions.MapGet("/draft", async Task<IResult> (IMediator m, CancellationToken ct) =>
                await m.Send(new GetDraftEdition(), ct) is { } draft
                    ? TypedResults.Ok(draft)
                    : TypedResults.Problem(statusCode: 404, title: "Niet gevonden", detail: "Er wordt geen update voorbereid."))
            .WithName("GetDraftEdition").WithSummary("De update in voorbereiding (redactie)")
            .Produces<EditionView>();
}
