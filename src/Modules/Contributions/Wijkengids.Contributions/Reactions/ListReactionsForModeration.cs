namespace Wijkengids.Contributions.Reactions;

/// <summary>
/// The moderation queue: reactions by status ("ontvangen", "gepubliceerd", "teruggetrokken", "beantwoord", "afgehandeld",
/// "spam", "bezwaar" for an objection waiting for a decision, or "alle"), newest first.
/// </summary>
public sealed record ListReactionsForModeration(string? Status, string? About, int? OlderThanDays) : IRequest<IReadOnlyList<ReactionDetails>>;

internal sealed class ListReactionsForModerationHandler(IQuerySession session, TimeProvider clock)
    : IRequestHandler<ListReactionsForModeration, IReadOnlyList<ReactionDetails>>
{
    public const string Objected = "bezwaar";

    public async Task<IReadOnlyList<ReactionDetails>> Handle(ListReactionsForModeration request, CancellationToken cancellationToken)
    {
        var all = await session.Query<ReactionView>().OrderByDescending(r => r.ReceivedAt).Take(1000).ToListAsync(cancellationToken);
        IEnumerable<ReactionView> filtered = all;
        if (request.Status == Objected) filtered = filtered.Where(r => r.Appeal == Moderation.Appeals.Open);
        else if (!string.IsNullOrWhiteSpace(request.Status) && request.Status != "alle") filtered = filtered.Where(r => r.Status == request.Status);
        if (!string.IsNullOrWhiteSpace(request.About)) filtered = filtered.Where(r => r.About == request.About);
        if (request.OlderThanDays is { } days) filtered = filtered.Where(r => r.ReceivedAt <= clock.GetUtcNow().AddDays(-days));
        return filtered.Select(ReactionDetails.From).ToList();
    }

    internal static void MapEndpoint(RouteGroupBuilder moderation) =>
        moderation.MapGet("/reactions", async (string? status, string? about, int? olderThanDays, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListReactionsForModeration(status, about, olderThanDays), ct)))
            .WithName("ListReactionsForModeration").WithSummary("Reacties in de moderatiewachtrij (redacteur)");
}
