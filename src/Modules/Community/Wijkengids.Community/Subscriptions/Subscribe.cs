using Wijkengids.Community.Mail;
using Wijkengids.Community.Shared;
using Wolverine.Marten;

namespace Wijkengids.Community.Subscriptions;

/// <summary>
/// Someone asks for updates. Whatever the state of the address, the answer is the same and a mail goes to the address
/// (a confirmation link valid 48 hours), so nobody can learn from the answer whether an address is subscribed.
/// </summary>
public sealed record Subscribe(string Email, IReadOnlyList<string>? Themes) : ICommand<SubscribeAnswer>, IAnswersLostRace<SubscribeAnswer>
{
    /// <summary>The same address at the same moment: the other request sends the mail. Same answer.</summary>
    public SubscribeAnswer LostRace() => new(SubscribeHandler.Answer);
}

public sealed record SubscribeAnswer(string Message);

internal sealed class SubscribeValidator : AbstractValidator<Subscribe>
{
    public SubscribeValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Vul uw e-mailadres in.")
            .MaximumLength(254).WithMessage("Het e-mailadres is te lang.")
            .EmailAddress().WithMessage("Vul een geldig e-mailadres in.");
        RuleFor(x => ThemeFilter.Normalize(x.Themes)).Must(t => t.Length <= 20).OverridePropertyName("Themes").WithMessage("Kies hoogstens 20 thema's.");
        RuleForEach(x => ThemeFilter.Normalize(x.Themes)).Must(t => t.Length <= 60).OverridePropertyName("Themes")
            .WithMessage("Een thema mag hoogstens 60 tekens hebben.");
    }
}

internal sealed class SubscribeHandler(
    IDocumentSession session,
    IMartenOutbox outbox,
    IRequestContext context,
    IPersonalDataVault vault,
    SubscriptionMails mails,
    TimeProvider clock) : IRequestHandler<Subscribe, SubscribeAnswer>
{
    public const string Answer = "Dank u. Als dit adres klopt, ontvangt u binnen enkele minuten een e-mail met een link om uw aanmelding te bevestigen. " +
                                 "De link is 48 uur geldig. Zonder bevestiging ontvangt u niets.";

    public async Task<SubscribeAnswer> Handle(Subscribe request, CancellationToken cancellationToken)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        var themes = ThemeFilter.Normalize(request.Themes);
        var subscription = await session.Query<SubscriptionView>().FirstOrDefaultAsync(s => s.Email == email, cancellationToken);
        if (subscription is null)
        {
            var now = clock.GetUtcNow();
            subscription = new SubscriptionView { Id = Guid.NewGuid(), Email = email, Themes = [.. themes], RequestedAt = now };
            session.Stamp(context);
            session.Events.StartStream<Subscription>(subscription.Id,
                Subscription.Request(subscription.Id, await vault.SealAsync(subscription.Id, email, cancellationToken), themes, now));
        }

        var delivery = mails.Confirmation(subscription, themes, subscription.Status == SubscriptionStatus.Confirmed);
        foreach (var message in await MailQueue.EnqueueAsync(session, [delivery], clock, cancellationToken)) await outbox.PublishAsync(message);
        return new SubscribeAnswer(Answer);
    }

    internal static void MapEndpoint(RouteGroupBuilder subscriptions) =>
        subscriptions.MapPost("/", async (Subscribe command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await mediator.Send(command, ct)))
            .RequireRateLimiting(RateLimitPolicies.Forms)
            .WithName("Subscribe").WithSummary("Aanmelden voor updates (dubbele opt-in: bevestigingsmail); altijd hetzelfde antwoord");
}
