using System.Security.Claims;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Contracts;
using Wijkengids.Community.Mail;
using Wijkengids.Community.People;
using Wijkengids.Community.Subscriptions;
using Wolverine.Marten;

namespace Wijkengids.Community.Privacy;

/// <summary>
/// AVG erasure of an account holder (by themselves, or by an admin with a reason) or of a listed person (admin). The key is
/// deleted, so what the events sealed can no longer be read; each affected aggregate records its erasure
/// (<see cref="AccountErased"/>, <see cref="SubscriptionErased"/> for the subscriptions of the same address,
/// <see cref="PersonErased"/>), which the projections apply to the read models; mails to the address go; and
/// <see cref="ErasureRequested"/> tells every other module.
/// </summary>
/// <remarks>
/// Erasing one's own account asks for the password again (<see cref="Password"/>): a session left open on a shared computer
/// is not enough to wipe someone's contributions for good.
/// </remarks>
public sealed record ErasePersonalData(Guid SubjectId, string? Reason, string? Password = null) : ICommand<ErasureResult>;

public sealed record ErasureResult(Guid SubjectId, string Kind, DateTimeOffset ErasedAt);

internal sealed class ErasePersonalDataValidator : AbstractValidator<ErasePersonalData>
{
    public ErasePersonalDataValidator() =>
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
}

internal sealed class ErasePersonalDataHandler(
    IDocumentSession session,
    IMartenOutbox outbox,
    IRequestContext context,
    IPersonalDataVault vault,
    MasterKey masterKey,
    TimeProvider clock) : IRequestHandler<ErasePersonalData, ErasureResult>
{
    public async Task<ErasureResult> Handle(ErasePersonalData request, CancellationToken cancellationToken)
    {
        var self = request.SubjectId.ToString() == context.Actor;
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? (self ? "op eigen verzoek" : null) : request.Reason.Trim();
        if (reason is null) throw new RuleViolationException("Geef de reden waarom u deze gegevens wist.");
        var now = clock.GetUtcNow();
        session.Stamp(context, reason);

        string kind;
        string? email = null;
        if (await session.LoadAsync<AccountView>(request.SubjectId, cancellationToken) is { } account)
        {
            email = account.Email;
            if (account.Erased) return new ErasureResult(account.Id, "account", now);
            if (self && !Passwords.Verify(account, request.Password ?? ""))
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("Password",
                    string.IsNullOrEmpty(request.Password) ? "Vul uw wachtwoord in om te bevestigen dat u het bent."
                        : "Dit wachtwoord klopt niet. Vul uw huidige wachtwoord in.")]);
            }
            if (!self && account.Roles.Contains(Roles.Admin) && account.Id.ToString() == context.Actor)
            {
                throw new RuleViolationException("U kunt uw eigen beheerdersaccount niet zo wissen.");
            }
            await AddressErasure.EraseSubscriptionsAsync(session, vault, masterKey, context.Actor, account.Email, cancellationToken);
            MailQueue.ForgetAddress(session, account.Email);
            await vault.EraseAsync(account.Id, context.Actor, cancellationToken);
            var stream = await session.Events.FetchForWriting<Account>(account.Id, cancellationToken);
            if (stream.Aggregate?.Erase() is { } erased) stream.AppendOne(erased);
            kind = "account";
        }
        else if (await session.LoadAsync<PersonView>(request.SubjectId, cancellationToken) is { } person)
        {
            if (self) throw new ForbiddenException("Alleen een beheerder kan een vermelde persoon wissen.");
            if (person.Erased) return new ErasureResult(person.Id, "persoon", now);
            await vault.EraseAsync(person.Id, context.Actor, cancellationToken);
            var stream = await session.Events.FetchForWriting<Person>(person.Id, cancellationToken);
            if (stream.Aggregate?.Erase() is { } erased) stream.AppendOne(erased);
            kind = "persoon";
        }
        else
        {
            throw new NotFoundException("Er is geen account of persoon met dit id.");
        }

        await outbox.PublishAsync(new ErasureRequested(request.SubjectId, context.Actor, reason, now, email));
        return new ErasureResult(request.SubjectId, kind, now);
    }

    internal static void MapEndpoints(IEndpointRouteBuilder endpoints, RouteGroupBuilder me)
    {
        me.MapPost("/erase", async (EraseMineBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ErasePersonalData(SignedInAccount.IdOf(user), null, body.Password), ct)))
            .WithName("EraseMyPersonalData").WithSummary("Mijn persoonsgegevens wissen (AVG), met mijn wachtwoord ter bevestiging; het account vervalt");
        endpoints.MapPost("/api/community/erasures", async (ErasureBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ErasePersonalData(body.SubjectId, body.Reason), ct)))
            .WithTags("Community").RequireAuthorization(Policies.Admins)
            .WithName("ErasePersonalData").WithSummary("Persoonsgegevens van een account of vermelde persoon wissen, met reden (beheerder)");
    }

    internal sealed record ErasureBody(Guid SubjectId, string? Reason);

    /// <summary>Erasing one's own data: the current password, to confirm it is them.</summary>
    internal sealed record EraseMineBody(string? Password);
}
