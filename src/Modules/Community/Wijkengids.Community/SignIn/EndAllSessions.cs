using Wijkengids.Community.Accounts;

namespace Wijkengids.Community.SignIn;

/// <summary>Every session of the account ends ("overal uitloggen"), this one included.</summary>
public sealed record EndAllSessions(Guid AccountId) : ICommand<Unit>;

internal sealed class EndAllSessionsHandler(AccountSteps steps) : IRequestHandler<EndAllSessions, Unit>
{
    public async Task<Unit> Handle(EndAllSessions request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.AccountId, null, null, cancellationToken, erasedToo: false);
        AccountSteps.Record(stream, stream.Aggregate!.EndAllSessions());
        return Unit.Value;
    }
}
