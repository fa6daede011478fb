using FluentValidation.Results;

namespace Wijkengids.Contributions.Reactions;

/// <summary>
/// The moderation queue: reactions of one <paramref name="Status"/> (null: every status), about one subject and of an age,
/// newest first; with <paramref name="Objected"/> only those whose sender objected to a removal, waiting for a decision. The
/// API and the page read the status filter with <see cref="ListReactionsForModerationHandler.TryStatus"/>.
/// </summary>
public sealed record ListReactionsForModeration(ReactionStatus? Status, string? About, int? OlderThanDays, bool Objected = false)
    : IRequest<IReadOnlyList<ReactionDetails>>;

internal sealed class ListReactionsForModerationHandler(IQuerySession session, TimeProvider clock)
    : IRequestHandler<ListReactionsForModeration, IReadOnlyList<ReactionDetails>>
{
    /// <summary>Filter value for every status.</summary>
    public const string All = "alle";

    /// <summary>Filter value for an objection waiting for a decision (docs/adr/0097).</summary>
    public const string Objected = "bezwaar";

    public static bool IsObjected(string? text) => string.Equals(text?.Trim(), Objected, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a status filter: nothing or "alle" (null: every status), or one status by its stable string ("gepubliceerd").</summary>
    public static bool TryStatus(string? text, out ReactionStatus? status)
    {
        status = null;
        if (IsObjected(text)) return true;
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text.Trim(), All, StringComparison.OrdinalIgnoreCase)) return true;
        if (!StableEnums.TryParse<ReactionStatus>(text, out var one)) return false;
        status = one;
        return true;
    }

    public static string UnknownStatus(string? text) => $"Onbekende status ‘{text?.Trim()}’. Kies uit: {All}, {Objected}, {StableEnums.Choices<ReactionStatus>()}.";

    public async Task<IReadOnlyList<ReactionDetails>> Handle(ListReactionsForModeration request, CancellationToken cancellationToken)
    {
        // The status follows from the reaction's flags, so it is filtered here rather than in the query.
        var all = await session.Query<ReactionView>().OrderByDescending(r => r.ReceivedAt).Take(1000).ToListAsync(cancellationToken);
        IEnumerable<ReactionView> filtered = all;
        if (request.Status is { } status) filtered = filtered.Where(r => r.Status == status);
        if (request.Objected) filtered = filtered.Where(r => r.Appeal == Moderation.Appeals.Open);
        if (!string.IsNullOrWhiteSpace(request.About)) filtered = filtered.Where(r => r.About == request.About);
        if (request.OlderThanDays is { } days) filtered = filtered.Where(r => r.ReceivedAt <= clock.GetUtcNow().AddDays(-days));
        return filtered.Select(ReactionDetails.From).ToList();
    }

    internal static void MapEndpoint(RouteGroupBuilder moderation) =>
        moderation.MapGet("/reactions", async (string? status, string? about, int? olderThanDays, IMediator mediator, CancellationToken ct) =>
                {
                    if (!TryStatus(status, out var wanted)) throw new ValidationException([new ValidationFailure("status", UnknownStatus(status))]);
                    return TypedResults.Ok(await mediator.Send(new ListReactionsForModeration(wanted, about, olderThanDays, IsObjected(status)), ct));
                })
            .WithName("ListReactionsForModeration").WithSummary("Reacties in de moderatiewachtrij (redacteur)")
            .WithStatusQuery<ReactionStatus>("status", Objected, All);
}
