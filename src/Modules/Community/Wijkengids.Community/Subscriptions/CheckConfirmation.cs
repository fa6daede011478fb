using Wijkengids.Community.Shared;

namespace Wijkengids.Community.Subscriptions;

/// <summary>Checks a confirmation link without using it (the page shows a button first, so link scanners do not confirm).</summary>
public sealed record CheckConfirmation(string Token) : IRequest<bool>;

internal sealed class CheckConfirmationHandler(IQuerySession session, SignedTokens tokens) : IRequestHandler<CheckConfirmation, bool>
{
    public async Task<bool> Handle(CheckConfirmation request, CancellationToken cancellationToken)
    {
        if (tokens.Read(SubscriptionMails.ConfirmPurpose, request.Token) is not var (nonce, _)) return false;
        return await session.LoadAsync<UsedToken>($"{SubscriptionMails.ConfirmPurpose}:{nonce}", cancellationToken) is null;
    }
}
