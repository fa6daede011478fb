using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.Audit.Watch;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Timeline;

public sealed record ActorInfo(string Id, string DisplayName, bool Erased, DateTimeOffset? ErasedAt, string? ErasedBy,
    string? CorrelationId, string? CausationId, string? RecordedFor);

public sealed record GetActor(string Id) : IRequest<ActorInfo>;

internal sealed class GetActorHandler(IQuerySession session, AuditAccessLog accessLog) : IRequestHandler<GetActor, ActorInfo>
{
    public async Task<ActorInfo> Handle(GetActor request, CancellationToken cancellationToken)
    {
        await accessLog.RecordAsync(new AuditActorLookedUp(request.Id), cancellationToken);
        var actor = await session.LoadAsync<ActorName>(request.Id, cancellationToken)
                    ?? throw new NotFoundException("Deze actor is (nog) niet bekend bij de audit.");
        return new ActorInfo(actor.Id, actor.Shown, actor.ErasedAt is not null, actor.ErasedAt, actor.ErasedBy, actor.CorrelationId,
            actor.CausationId, actor.RecordedFor);
    }

    internal static void MapEndpoints(RouteGroupBuilder audit) =>
        audit.MapGet("/actors/{id}", async (string id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetActor(id), ct)))
            .WithName("GetAuditActor")
            .WithSummary("Naam van een actor zoals de audit die kent, of dat die gewist is (auditor, beheerder)");
}
