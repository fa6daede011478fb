using Wijkengids.Community.Shared;

namespace Wijkengids.Community.Subscriptions;

/// <summary>The subscriber confirms with the link from the mail (signed, single use, 48 hours).</summary>
public sealed record ConfirmSubscription(string Token) : ICommand<SubscriptionState>, IAnswersLostRace<SubscriptionState>
{
    /// <summary>The same link used twice at the same moment.</summary>
    public SubscriptionState LostRace() => throw new ConflictException(SignedTokens.UsedMessage);
}

/// <summary>Where a subscription stands after a step by link, with the choices it now has.</summary>
public sealed record SubscriptionState(SubscriptionStatus Status, IReadOnlyList<string> Themes, IReadOnlyList<string> Chapters, bool MajorOnly,
    SubscriptionFrequency Frequency)
{
    public SubscriptionState(SubscriptionStatus status, SubscriptionChoices choices)
        : this(status, choices.Themes, choices.Chapters, choices.MajorOnly, choices.Frequency) { }

    public SubscriptionChoices Choices => new([.. Themes], [.. Chapters], MajorOnly, Frequency);
}

internal sealed class ConfirmSubscriptionHandler(SubscriptionSteps steps, IDocumentSession session, SignedTokens tokens, TimeProvider clock)
    : IRequestHandler<ConfirmSubscription, SubscriptionState>
{
    public async Task<SubscriptionState> Handle(ConfirmSubscription request, CancellationToken cancellationToken)
    {
        var (nonce, payload) = tokens.Read(SubscriptionMails.ConfirmPurpose, request.Token)
                               ?? throw new RuleViolationException(SignedTokens.InvalidMessage);
        var parts = payload.Split('|');
        var stream = await steps.FetchAsync(parts[0], cancellationToken);
        await SignedTokens.ConsumeAsync(session, SubscriptionMails.ConfirmPurpose, nonce, clock, cancellationToken);
        var choices = SubscriptionChoices.FromPayload(parts[1..]);
        stream.AppendOne(stream.Aggregate!.Confirm(choices, clock.GetUtcNow()));
        return new SubscriptionState(SubscriptionStatus.Confirmed, choices);
    }

    internal static void MapEndpoint(RouteGroupBuilder subscriptions) =>
        subscriptions.MapPost("/confirm", async (TokenBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ConfirmSubscription(body.Token ?? ""), ct)))
            .WithName("ConfirmSubscription").WithSummary("Aanmelding bevestigen met de link uit de mail (eenmalig, 48 uur geldig)");

    internal sealed record TokenBody(string? Token);
}
