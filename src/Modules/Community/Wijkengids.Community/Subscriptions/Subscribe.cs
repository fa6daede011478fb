using Wijkengids.Community.Mail;
using Wijkengids.Community.Shared;
using Wijkengids.Content.Contracts;
using Wolverine.Marten;

namespace Wijkengids.Community.Subscriptions;

/// <summary>
/// Someone asks for updates. Whatever the state of the address, the answer is the same and a mail goes to the address
/// (a confirmation link valid 48 hours), so nobody can learn from the answer whether an address is subscribed. The
/// choices (docs/adr/0098): themes (slugs) and chapters (numbers) that exist in the guide, none of either for the whole
/// guide; only major changes; <see cref="Frequency"/> "elke-update" (the default) or "wekelijks".
/// </summary>
public sealed record Subscribe(string Email, IReadOnlyList<string>? Themes, IReadOnlyList<string>? Chapters = null, bool MajorOnly = false,
    string? Frequency = null) : ICommand<SubscribeAnswer>, IAnswersLostRace<SubscribeAnswer>
{
    /// <summary>The same address at the same moment: the other request sends the mail. Same answer.</summary>
    public SubscribeAnswer LostRace() => new(SubscribeHandler.Answer);

    internal SubscriptionChoices Choices() => new(ThemeFilter.Normalize(Themes), ThemeFilter.Normalize(Chapters), MajorOnly,
        StableEnums.TryParse<SubscriptionFrequency>(Frequency, out var frequency) ? frequency : SubscriptionFrequency.EachUpdate);
}

public sealed record SubscribeAnswer(string Message);

internal sealed class SubscribeValidator : AbstractValidator<Subscribe>
{
    public SubscribeValidator(IGuideCatalog catalog)
    {
        RuleFor(x => x.Email).EmailAddressText("Vul uw e-mailadres in.");
        RuleFor(x => ThemeFilter.Normalize(x.Themes)).Must(t => t.Length <= 20).OverridePropertyName("Themes").WithMessage("Kies hoogstens 20 thema's.");
        RuleForEach(x => ThemeFilter.Normalize(x.Themes)).Must(t => t.Length <= 60).OverridePropertyName("Themes")
            .WithMessage("Een thema mag hoogstens 60 tekens hebben.");
        RuleFor(x => ThemeFilter.Normalize(x.Chapters)).Must(c => c.Length <= 50).OverridePropertyName("Chapters").WithMessage("Kies hoogstens 50 hoofdstukken.");
        RuleFor(x => x.Frequency).Must(f => string.IsNullOrWhiteSpace(f) || StableEnums.TryParse<SubscriptionFrequency>(f, out _))
            .WithMessage(x => $"Kies hoe vaak u bericht wilt: {StableEnums.Choices<SubscriptionFrequency>()}.");
        // Only what exists in the guide: a typo must not silently subscribe to nothing.
        RuleFor(x => x).CustomAsync(async (request, context, cancellationToken) =>
        {
            var themes = ThemeFilter.Normalize(request.Themes);
            if (themes.Length > 0 && themes.Length <= 20)
            {
                var known = (await catalog.ThemesAsync(cancellationToken)).Select(t => t.Slug.ToLowerInvariant()).ToHashSet();
                foreach (var unknown in themes.Where(t => !known.Contains(t)).Take(3))
                    context.AddFailure("Themes", $"Het thema \u201c{Shorten(unknown)}\u201d bestaat niet in de gids. Kies uit de thema's op de pagina.");
            }
            var chapters = ThemeFilter.Normalize(request.Chapters);
            if (chapters.Length > 0 && chapters.Length <= 50)
            {
                var known = (await catalog.ChaptersAsync(cancellationToken)).Select(c => c.Number).ToHashSet();
                foreach (var unknown in chapters.Where(c => !known.Contains(c)).Take(3))
                    context.AddFailure("Chapters", $"Hoofdstuk \u201c{Shorten(unknown)}\u201d bestaat niet in de gids. Kies uit de hoofdstukken op de pagina.");
            }
        });
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
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
        var choices = request.Choices();
        var subscription = await session.Query<SubscriptionView>().FirstOrDefaultAsync(s => s.Email == email, cancellationToken);
        if (subscription is null)
        {
            var now = clock.GetUtcNow();
            subscription = new SubscriptionView { Id = Guid.NewGuid(), Email = email, RequestedAt = now };
            session.Stamp(context);
            session.Events.StartStream<Subscription>(subscription.Id,
                Subscription.Request(subscription.Id, await vault.SealAsync(subscription.Id, email, cancellationToken), choices, now));
        }

        var delivery = mails.Confirmation(subscription, choices, subscription.Status == SubscriptionStatus.Confirmed);
        foreach (var message in await MailQueue.EnqueueAsync(session, [delivery], clock, cancellationToken)) await outbox.PublishAsync(message);
        return new SubscribeAnswer(Answer);
    }

    internal static void MapEndpoint(RouteGroupBuilder subscriptions) =>
        subscriptions.MapPost("/", async (Subscribe command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await mediator.Send(command, ct)))
            .RequireRateLimiting(RateLimitPolicies.Forms)
            .WithName("Subscribe").WithSummary("Aanmelden voor updates (dubbele opt-in: bevestigingsmail); altijd hetzelfde antwoord");
}
