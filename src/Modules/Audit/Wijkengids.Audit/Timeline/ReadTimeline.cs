using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Timeline;

/// <summary>A timeline entry as auditors see it: the actor with a display name, or "systeem".</summary>
public sealed record TimelineEntry(long Position, DateTimeOffset Timestamp, string Module, string EventType, string Description,
    Guid StreamId, long Version, string Actor, string ActorName, string? CorrelationId, string? CausationId, string? Reason);

public sealed record ActorInfo(string Id, string DisplayName, string? CorrelationId, string? CausationId, string? RecordedFor);

/// <summary>Entries of the timeline, newest first, optionally for one stream (item), actor or correlation.</summary>
public sealed record ReadTimeline(Guid? StreamId, string? Actor, string? CorrelationId, long? Before, int Limit) : IRequest<IReadOnlyList<TimelineEntry>>;

public sealed record GetActor(string Id) : IRequest<ActorInfo>;

internal sealed class ReadTimelineHandler(IQuerySession session)
    : IRequestHandler<ReadTimeline, IReadOnlyList<TimelineEntry>>, IRequestHandler<GetActor, ActorInfo>
{
    public async Task<IReadOnlyList<TimelineEntry>> Handle(ReadTimeline request, CancellationToken cancellationToken)
    {
        IQueryable<AuditEntry> query = session.Query<AuditEntry>();
        if (request.StreamId is { } stream) query = query.Where(e => e.StreamId == stream);
        if (!string.IsNullOrWhiteSpace(request.Actor)) query = query.Where(e => e.Actor == request.Actor);
        if (!string.IsNullOrWhiteSpace(request.CorrelationId)) query = query.Where(e => e.CorrelationId == request.CorrelationId);
        if (request.Before is { } before) query = query.Where(e => e.Id < before);
        var entries = await query.OrderByDescending(e => e.Id).Take(Math.Clamp(request.Limit, 1, 500)).ToListAsync(cancellationToken);

        var actorIds = entries.Select(e => e.Actor).Where(a => a != IRequestContext.SystemActor).Distinct().ToArray();
        var names = actorIds.Length == 0
            ? new Dictionary<string, string>()
            : (await session.Query<ActorName>().Where(a => actorIds.Contains(a.Id)).ToListAsync(cancellationToken))
                .ToDictionary(a => a.Id, a => a.DisplayName);
        return entries.Select(e => new TimelineEntry(e.Id, e.Timestamp, e.Module, e.EventType, e.Description, e.StreamId, e.Version,
                e.Actor, e.Actor == IRequestContext.SystemActor ? "systeem" : names.GetValueOrDefault(e.Actor, "onbekend"),
                e.CorrelationId, e.CausationId, e.Reason))
            .ToList();
    }

    public async Task<ActorInfo> Handle(GetActor request, CancellationToken cancellationToken)
    {
        var actor = await session.LoadAsync<ActorName>(request.Id, cancellationToken)
                    ?? throw new NotFoundException("Deze actor is (nog) niet bekend bij de audit.");
        return new ActorInfo(actor.Id, actor.DisplayName, actor.CorrelationId, actor.CausationId, actor.RecordedFor);
    }

    internal static void MapEndpoints(RouteGroupBuilder audit)
    {
        audit.MapGet("/timeline", async (Guid? streamId, string? actor, string? correlationId, long? before, int? limit,
                    IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReadTimeline(streamId, actor, correlationId, before, limit ?? 50), ct)))
            .WithName("ReadAuditTimeline")
            .WithSummary("Tijdlijn van alle wijzigingen, nieuwste eerst (auditor, beheerder)");
        audit.MapGet("/actors/{id}", async (string id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetActor(id), ct)))
            .WithName("GetAuditActor")
            .WithSummary("Naam van een actor zoals de audit die kent (auditor, beheerder)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
