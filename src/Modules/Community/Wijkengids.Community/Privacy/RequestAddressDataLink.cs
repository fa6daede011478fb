using Microsoft.Extensions.Options;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Mail;
using Wijkengids.Community.Shared;
using Wolverine.Marten;

namespace Wijkengids.Community.Privacy;

/// <summary>
/// Someone without an account (a reaction sender, a werkatelier contact, a subscriber) asks for their data: a signed link
/// to see and erase everything under the address goes to that address, valid for 24 hours (docs/adr/0104). An address
/// with an account gets a mail pointing to "Mijn gegevens" instead. The answer is the same either way.
/// </summary>
public sealed record RequestAddressDataLink(string Email) : ICommand<SelfServiceAnswer>;

internal sealed class RequestAddressDataLinkValidator : AbstractValidator<RequestAddressDataLink>
{
    public RequestAddressDataLinkValidator() =>
        RuleFor(x => x.Email).EmailAddressText("Vul uw e-mailadres in.");
}

internal sealed class RequestAddressDataLinkHandler(
    IDocumentSession session,
    IMartenOutbox outbox,
    SignedTokens tokens,
    MasterKey masterKey,
    IOptions<MailOptions> options,
    TimeProvider clock) : IRequestHandler<RequestAddressDataLink, SelfServiceAnswer>
{
    public const string Purpose = "address-data";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public const string Answer = "Dank u. U ontvangt binnen enkele minuten een e-mail op dit adres met een link naar de gegevens die de " +
                                 "Wijkengids onder dit adres bewaart. De link is 24 uur geldig.";

    public async Task<SelfServiceAnswer> Handle(RequestAddressDataLink request, CancellationToken cancellationToken)
    {
        var email = AccountEmail.Normalize(request.Email);
        var baseUrl = options.Value.BaseUrl;
        var hasAccount = await session.Query<AccountView>().AnyAsync(a => a.Email == email && !a.Erased, cancellationToken);
        var body = hasAccount
            ? $"""
               Beste lezer,

               U vroeg welke gegevens de Wijkengids onder dit e-mailadres bewaart. Bij dit adres hoort een account: log in en kijk
               onder "Mijn gegevens". Daar kunt u alles inzien, downloaden en wissen: {baseUrl}/mijn-gegevens

               Hebt u dit niet gevraagd? Dan hoeft u niets te doen.
               """
            : $"""
               Beste lezer,

               U vroeg welke gegevens de Wijkengids onder dit e-mailadres bewaart. Met deze link ziet u ze, kunt u ze downloaden en
               kunt u ze laten wissen:
               {baseUrl}/gegevens-opvragen/inzien?token={Uri.EscapeDataString(tokens.Issue(Purpose, email, Lifetime))}

               De link is 24 uur geldig. Deel hem niet: wie hem heeft, kan uw gegevens zien en wissen.
               Hebt u dit niet gevraagd? Dan hoeft u niets te doen; zonder de link ziet niemand iets.
               """;
        var delivery = new MailDelivery
        {
            Id = $"gegevens/{Guid.NewGuid():N}", Mailing = "gegevens-opvragen", Recipient = AddressErasure.SubjectOf(masterKey, email), To = email,
            Subject = "Uw gegevens bij de Wijkengids", Text = body + "\n\nMet vriendelijke groet,\nDe redactie van de Wijkengids",
        };
        foreach (var message in await MailQueue.EnqueueAsync(session, [delivery], clock, cancellationToken)) await outbox.PublishAsync(message);
        return new SelfServiceAnswer(Answer);
    }

    internal static void MapEndpoint(RouteGroupBuilder addressData) =>
        addressData.MapPost("/link", async (EmailBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await mediator.Send(new RequestAddressDataLink(body.Email ?? ""), ct)))
            .RequireRateLimiting(RateLimitPolicies.Forms)
            .WithName("RequestAddressDataLink")
            .WithSummary("Zonder account: een link naar uw gegevens aanvragen, per e-mail (AVG inzage en wissen); altijd hetzelfde antwoord");

    internal sealed record EmailBody(string? Email);

    /// <summary>The address a link names; an expired, forged or foreign link is refused in Dutch.</summary>
    internal static string AddressOf(SignedTokens tokens, string? token) =>
        tokens.Read(Purpose, token)?.Payload ?? throw new RuleViolationException(SignedTokens.InvalidMessage);
}
