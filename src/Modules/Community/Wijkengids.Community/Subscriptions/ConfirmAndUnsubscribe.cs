using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.Community.Shared;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Subscriptions;

/// <summary>The subscriber confirms with the link from the mail (signed, single use, 48 hours).</summary>
public sealed record ConfirmSubscription(string Token) : IRequest<SubscriptionState>;

/// <summary>Checks a confirmation link without using it (the page shows a button first, so link scanners do not confirm).</summary>
public sealed record CheckConfirmation(string Token) : IRequest<bool>;

/// <summary>One-click unsubscribe with the (signed, non-expiring) link from any mail; unsubscribing twice is fine.</summary>
public sealed record Unsubscribe(string Token) : IRequest<SubscriptionState>;

public sealed record SubscriptionState(string Status, IReadOnlyList<string> Themes);

internal sealed class ConfirmAndUnsubscribeHandler(IDocumentSession session, IRequestContext context, SignedTokens tokens, TimeProvider clock)
    : IRequestHandler<ConfirmSubscription, SubscriptionState>, IRequestHandler<CheckConfirmation, bool>, IRequestHandler<Unsubscribe, SubscriptionState>
{
    public async Task<SubscriptionState> Handle(ConfirmSubscription request, CancellationToken cancellationToken)
    {
        var (nonce, payload) = tokens.Read(SubscriptionMails.ConfirmPurpose, request.Token)
                               ?? throw new RuleViolationException(SignedTokens.InvalidMessage);
        var parts = payload.Split('|', 2);
        var subscription = await LoadAsync(parts[0], cancellationToken);
        await SignedTokens.ConsumeAsync(session, SubscriptionMails.ConfirmPurpose, nonce, clock, cancellationToken);
        var themes = ThemeFilter.Normalize(parts.Length > 1 ? [parts[1]] : []);
        subscription.Status = SubscriptionStatus.Confirmed;
        subscription.Themes = [.. themes];
        subscription.ConfirmedAt = clock.GetUtcNow();
        session.AppendWithView(context, null, subscription, [new SubscriptionConfirmed(subscription.Id, themes)]);
        await SignedTokens.SaveConsumingAsync(session, cancellationToken);
        return new SubscriptionState(subscription.Status, subscription.Themes);
    }

    public async Task<bool> Handle(CheckConfirmation request, CancellationToken cancellationToken)
    {
        if (tokens.Read(SubscriptionMails.ConfirmPurpose, request.Token) is not var (nonce, _)) return false;
        return await session.LoadAsync<UsedToken>($"{SubscriptionMails.ConfirmPurpose}:{nonce}", cancellationToken) is null;
    }

    public async Task<SubscriptionState> Handle(Unsubscribe request, CancellationToken cancellationToken)
    {
        var (_, payload) = tokens.Read(SubscriptionMails.UnsubscribePurpose, request.Token)
                           ?? throw new RuleViolationException("Deze afmeldlink is ongeldig. Gebruik de link uit de laatste mail.");
        var subscription = await LoadAsync(payload, cancellationToken);
        if (subscription.Status is SubscriptionStatus.Requested or SubscriptionStatus.Confirmed)
        {
            subscription.Status = SubscriptionStatus.Cancelled;
            session.AppendWithView(context, null, subscription, [new SubscriptionCancelled(subscription.Id)]);
            await session.SaveChangesAsync(cancellationToken);
        }
        return new SubscriptionState(SubscriptionStatus.Cancelled, []);
    }

    private async Task<SubscriptionView> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var subscription = Guid.TryParse(id, out var guid) ? await session.LoadAsync<SubscriptionView>(guid, cancellationToken) : null;
        if (subscription is null || subscription.Status == SubscriptionStatus.Erased) throw new RuleViolationException(SignedTokens.InvalidMessage);
        return subscription;
    }

    internal static void MapEndpoints(RouteGroupBuilder subscriptions)
    {
        subscriptions.MapPost("/confirm", async (TokenBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ConfirmSubscription(body.Token ?? ""), ct)))
            .WithName("ConfirmSubscription").WithSummary("Aanmelding bevestigen met de link uit de mail (eenmalig, 48 uur geldig)")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to the URI in List-Unsubscribe, without cookies.
        subscriptions.MapPost("/unsubscribe", async (string? token, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Unsubscribe(token ?? ""), ct)))
            .WithName("Unsubscribe").WithSummary("Afmelden met één klik (RFC 8058, List-Unsubscribe-Post)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    internal sealed record TokenBody(string? Token);
}
