using Wijkengids.Community.Accounts;
using Wijkengids.Community.Contracts;
using Wijkengids.Community.Mail;
using Wolverine.Marten;

namespace Wijkengids.Community.Privacy;

/// <summary>
/// An admin erases everything the platform knows under an e-mail address of someone without an account (a reaction sender,
/// a werkatelier contact, a subscriber), with a reason: the address's subscriptions and mails here, and, through
/// <see cref="ErasureRequested"/> with the address, the reactions and bookings of the other modules (docs/adr/0099). An
/// address with an account is erased as that account (<see cref="ErasePersonalData"/>).
/// </summary>
public sealed record ErasePersonalDataByEmail(string Email, string Reason) : ICommand<ErasureResult>;

internal sealed class ErasePersonalDataByEmailValidator : AbstractValidator<ErasePersonalDataByEmail>
{
    public ErasePersonalDataByEmailValidator()
    {
        RuleFor(x => x.Email).EmailAddressText("Vul het e-mailadres in.");
        RuleFor(x => x.Reason).RequiredText("Geef de reden waarom u deze gegevens wist.", 500, "De reden");
    }
}

internal sealed class ErasePersonalDataByEmailHandler(
    IDocumentSession session,
    IMartenOutbox outbox,
    IRequestContext context,
    IPersonalDataVault vault,
    MasterKey masterKey,
    TimeProvider clock) : IRequestHandler<ErasePersonalDataByEmail, ErasureResult>
{
    public async Task<ErasureResult> Handle(ErasePersonalDataByEmail request, CancellationToken cancellationToken)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        if (await session.Query<AccountView>().AnyAsync(a => a.Email == email, cancellationToken))
        {
            throw new RuleViolationException("Bij dit e-mailadres hoort een account. Wis het account; dan gaat alles onder dit adres mee.");
        }
        return await AddressErasure.EraseEverythingAsync(session, outbox, vault, masterKey, context, context.Actor, email, request.Reason.Trim(),
            clock.GetUtcNow(), cancellationToken);
    }

    internal static void MapEndpoint(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/community/erasures/by-email", async (ByEmailBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ErasePersonalDataByEmail(body.Email ?? "", body.Reason ?? ""), ct)))
            .WithTags("Community").RequireAuthorization(Policies.Admins)
            .WithName("ErasePersonalDataByEmail")
            .WithSummary("Alle gegevens onder een e-mailadres zonder account wissen (reacties, aanvragen, aanmeldingen), met reden (beheerder)");

    internal sealed record ByEmailBody(string? Email, string? Reason);
}
