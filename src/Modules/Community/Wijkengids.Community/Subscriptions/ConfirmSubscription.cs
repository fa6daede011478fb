using Wijkengids.Community.Shared;

namespace Wijkengids.Community.Subscriptions;

/// <summary>The subscriber confirms with the link from the mail (signed, single use, 48 hours).</summary>
public sealed record ConfirmSubscription(string Token) : ICommand<SubscriptionState>, IAnswersLostRace<SubscriptionState>
{
    /// <summary>The same link used twice at the same moment.</summary>
    public SubscriptionState LostRace() => throw new ConflictException(SignedTokens.UsedMessage);
}

public sealed record SubscriptionState(SubscriptionStatus Status, IReadOnlyList<string> Themes);

internal sealed class ConfirmSubscriptionHandler(SubscriptionSteps steps, IDocumentSession session, SignedTokens tokens, TimeProvider clock)
    : IRequestHandler<ConfirmSubscription, SubscriptionState>
{
    public async Task<SubscriptionState> Handle(ConfirmSubscription request, CancellationToken cancellationToken)
    {
        var (nonce, payload) = tokens.Read(SubscriptionMails.ConfirmPurpose, request.Token)
                               ?? throw new RuleViolationException(SignedTokens.InvalidMessage);
        var parts = payload.Split('|', 2);
        var stream = await steps.FetchAsync(parts[0], cancellationToken);
        await SignedTokens.ConsumeAsync(session, SubscriptionMails.ConfirmPurpose, nonce, clock, cancellationToken);
        var confirmed = stream.Aggregate!.Confirm(ThemeFilter.Normalize(parts.Length > 1 ? [parts[1]] : []), clock.GetUtcNow());
        stream.AppendOne(confirmed);
        return new SubscriptionState(SubscriptionStatus.Confirmed, confirmed.Themes);
    }

    internal static void MapEndpoint(RouteGroupBuilder subscriptions) =>
        subscriptions.MapPost("/confirm", async (TokenBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ConfirmSubscription(body.Token ?? ""), ct)))
            .WithName("ConfirmSubscription").WithSummary("Aanmelding bevestigen met de link uit de mail (eenmalig, 48 uur geldig)");

    internal sealed record TokenBody(string? Token);
}
