using System.Text.RegularExpressions;
using Wijkengids.Contributions.Contracts;
using Wolverine.Marten;

namespace Wijkengids.Contributions.Reactions;

/// <summary>
/// Anyone sends a reaction through the reaction form ("Aanvullingen en reacties zijn zeer welkom"). <see cref="Website"/>
/// is the honeypot: people leave it empty, bots fill it in; such a reaction is accepted silently and not stored.
/// </summary>
public sealed record SendReaction(string About, string Name, string Email, string? Organisation, string Message, bool Consent,
    bool ShowName, string? Website = null) : ICommand<ReactionReceipt>;

/// <summary>Merged: the same sender sent the same message about the same item a few minutes ago; nothing new was stored.</summary>
public sealed record ReactionReceipt(Guid Id, bool Merged);

internal sealed class SendReactionValidator : AbstractValidator<SendReaction>
{
    public SendReactionValidator()
    {
        RuleFor(x => x.About).Must(ReactionAbout.IsValid).WithMessage("Kies waar uw reactie over gaat.");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Vul uw naam in.")
            .MaximumLength(100).WithMessage("Uw naam mag hoogstens 100 tekens hebben.");
        RuleFor(x => x.Email).NotEmpty().WithMessage("Vul uw e-mailadres in.")
            .MaximumLength(254).WithMessage("Het e-mailadres is te lang.")
            .EmailAddress().WithMessage("Vul een geldig e-mailadres in.");
        RuleFor(x => x.Organisation).MaximumLength(150).WithMessage("De organisatie mag hoogstens 150 tekens hebben.");
        RuleFor(x => x.Message).NotEmpty().WithMessage("Schrijf uw reactie.")
            .MinimumLength(5).WithMessage("Uw reactie is wel erg kort; schrijf minstens 5 tekens.")
            .MaximumLength(5000).WithMessage("Uw reactie mag hoogstens 5000 tekens hebben.");
        RuleFor(x => x.Consent).Equal(true).WithMessage("Geef toestemming voor het verwerken van uw gegevens volgens de privacyverklaring.");
    }
}

internal sealed class SendReactionHandler(
    IDocumentSession session,
    IMartenOutbox outbox,
    IRequestContext context,
    IPersonalDataVault vault,
    TimeProvider clock) : IRequestHandler<SendReaction, ReactionReceipt>
{
    /// <summary>Within this window the same message is merged, and at most <see cref="PerEmailLimit"/> reactions per address are taken.</summary>
    internal static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    internal const int PerEmailLimit = 5;

    public async Task<ReactionReceipt> Handle(SendReaction request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(request.Website)) return new ReactionReceipt(Guid.Empty, Merged: false);

        var now = clock.GetUtcNow();
        var email = request.Email.Trim().ToLowerInvariant();
        var fingerprint = Fingerprint(request.Message);
        var since = now - Window;
        var recent = await session.Query<ReactionView>()
            .Where(r => r.Email == email && r.ReceivedAt > since)
            .ToListAsync(cancellationToken);
        var duplicate = recent.FirstOrDefault(r => r.About == request.About && r.Fingerprint == fingerprint);
        if (duplicate is not null) return new ReactionReceipt(duplicate.Id, Merged: true);
        if (recent.Count >= PerEmailLimit)
        {
            throw new TooManyRequestsException("U hebt de afgelopen minuten al veel reacties gestuurd. Probeer het over een kwartier opnieuw.");
        }

        var id = Guid.NewGuid();
        var account = Guid.TryParse(context.Actor, out var accountId) ? accountId : (Guid?)null;
        var subject = account ?? id;
        var name = request.Name.Trim();
        var organisation = string.IsNullOrWhiteSpace(request.Organisation) ? null : request.Organisation.Trim();
        var message = request.Message.Trim();

        session.Events.StartStream<Reaction>(id, new ReactionReceived(id, request.About, subject, account,
            await vault.SealAsync(subject, name, cancellationToken),
            await vault.SealAsync(subject, email, cancellationToken),
            organisation is null ? null : await vault.SealAsync(subject, organisation, cancellationToken),
            await vault.SealAsync(subject, message, cancellationToken),
            request.ShowName,
            now));
        await outbox.PublishAsync(new ContributionStatusChanged(id, "reactie", account, ReactionStatus.Received.Wire(), null, ReactionAbout.Url(request.About), now));
        return new ReactionReceipt(id, Merged: false);
    }

    internal static string Fingerprint(string message) =>
        Regex.Replace(message.Trim().ToLowerInvariant(), @"\s+", " ");

    internal static void MapEndpoint(RouteGroupBuilder group) =>
        group.MapPost("/reactions", async (SendReaction command, IMediator mediator, CancellationToken ct) =>
            {
                var receipt = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/contributions/reactions/{receipt.Id}", receipt);
            })
            .RequireRateLimiting(RateLimitPolicies.Forms)
            .WithName("SendReaction")
            .WithSummary("Een reactie sturen (iedereen); dezelfde reactie binnen enkele minuten wordt samengevoegd");
}
