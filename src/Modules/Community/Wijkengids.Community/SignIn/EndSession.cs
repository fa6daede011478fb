using Wijkengids.Community.Accounts;

namespace Wijkengids.Community.SignIn;

/// <summary>The signed-in person signs out: this one session ends, wherever its cookie was copied to.</summary>
public sealed record EndSession(Guid AccountId, Guid SessionId) : ICommand<Unit>;

internal sealed class EndSessionHandler(IDocumentSession session, IRequestContext context, TimeProvider clock) : IRequestHandler<EndSession, Unit>
{
    public async Task<Unit> Handle(EndSession request, CancellationToken cancellationToken)
    {
        session.Stamp(context);
        var stream = await session.Events.FetchForWriting<Account>(request.AccountId, cancellationToken);
        if (stream.Aggregate?.SignOut(request.SessionId, clock.GetUtcNow()) is { } signedOut) stream.AppendOne(signedOut);
        return Unit.Value;
    }
}
