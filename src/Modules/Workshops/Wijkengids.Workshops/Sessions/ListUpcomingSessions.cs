namespace Wijkengids.Workshops.Sessions;

/// <summary>Upcoming sessions (not cancelled), soonest first; optionally of one format.</summary>
public sealed record ListUpcomingSessions(string? FormatSlug) : IRequest<IReadOnlyList<SessionSummary>>;

internal sealed class ListUpcomingSessionsHandler(IQuerySession session, TimeProvider clock) : IRequestHandler<ListUpcomingSessions, IReadOnlyList<SessionSummary>>
{
    public async Task<IReadOnlyList<SessionSummary>> Handle(ListUpcomingSessions request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IQueryable<WorkshopSession> query = session.Query<WorkshopSession>().Where(s => !s.Cancelled && s.StartsAt > now);
        if (!string.IsNullOrWhiteSpace(request.FormatSlug)) query = query.Where(s => s.FormatSlug == request.FormatSlug);
        var sessions = await query.OrderBy(s => s.StartsAt).Take(500).ToListAsync(cancellationToken);
        return sessions.Select(SessionSummary.From).ToList();
    }

    internal static void MapEndpoint(RouteGroupBuilder open) =>
        open.MapGet("/sessions", async (string? format, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListUpcomingSessions(format), ct)))
            .WithName("ListUpcomingSessions").WithSummary("Komende sessies met vrije plaatsen");
}
