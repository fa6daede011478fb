namespace Wijkengids.Community.Subscriptions;

/// <summary>One-click unsubscribe with the (signed, non-expiring) link from any mail; unsubscribing twice is fine.</summary>
public sealed record Unsubscribe(string Token) : ICommand<SubscriptionState>;

/// <remarks>
/// The address is forgotten at once (docs/adr/0102): the subscription's key goes, so the sealed address in its history can
/// no longer be read, and the read model keeps only a keyed hash of it, the record of "do not mail".
/// </remarks>
internal sealed class UnsubscribeHandler(SubscriptionSteps steps, Shared.SignedTokens tokens, IDocumentSession session, IPersonalDataVault vault,
    MasterKey masterKey, IRequestContext context) : IRequestHandler<Unsubscribe, SubscriptionState>
{
    private const string Invalid = "Deze afmeldlink is ongeldig. Gebruik de link uit de laatste mail.";

    public async Task<SubscriptionState> Handle(Unsubscribe request, CancellationToken cancellationToken)
    {
        var (_, payload) = tokens.Read(SubscriptionMails.UnsubscribePurpose, request.Token) ?? throw new RuleViolationException(Invalid);
        var stream = await steps.FetchAsync(payload, cancellationToken, Invalid, forgottenIsFine: true);
        if (stream.Aggregate!.AddressForgotten) return new SubscriptionState(SubscriptionStatus.Cancelled, SubscriptionChoices.Everything);
        var view = await session.LoadAsync<SubscriptionView>(stream.Id, cancellationToken);
        if (view is null || stream.Aggregate.Cancel(SubscriptionView.HashOf(masterKey, view.Email)) is not { } cancelled)
        {
            return new SubscriptionState(SubscriptionStatus.Cancelled, SubscriptionChoices.Everything);
        }
        await vault.EraseAsync(stream.Id, context.Actor, cancellationToken);
        stream.AppendOne(cancelled);
        return new SubscriptionState(SubscriptionStatus.Cancelled, SubscriptionChoices.Everything);
    }

    internal static void MapEndpoint(RouteGroupBuilder subscriptions) =>
        // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to the URI in List-Unsubscribe, without cookies.
        subscriptions.MapPost("/unsubscribe", async (string? token, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Unsubscribe(token ?? ""), ct)))
            .WithName("Unsubscribe").WithSummary("Afmelden met één klik (RFC 8058, List-Unsubscribe-Post)");
}
