namespace Wijkengids.Workshops.Sessions;

/// <summary>One session with its seat ledger, for the organiser's session page.</summary>
public sealed record GetSession(Guid SessionId) : IRequest<WorkshopSession>;

internal sealed class GetSessionHandler(IQuerySession session) : IRequestHandler<GetSession, WorkshopSession>
{
    public async Task<WorkshopSession> Handle(GetSession request, CancellationToken cancellationToken) =>
        await session.LoadAsync<WorkshopSession>(request.SessionId, cancellationToken) ?? throw new NotFoundException(SessionRules.NotFound);
}
