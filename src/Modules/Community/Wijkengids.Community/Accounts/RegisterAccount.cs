using Wijkengids.Community.Shared;

namespace Wijkengids.Community.Accounts;

/// <summary>Someone registers as contributor; the account works once the address is confirmed. Same answer whether the address is known or not.</summary>
public sealed record RegisterAccount(string Email, string DisplayName, string Password) : ICommand<SelfServiceAnswer>, IAnswersLostRace<SelfServiceAnswer>
{
    /// <summary>The same address registered at the same moment by another request.</summary>
    public SelfServiceAnswer LostRace() => throw new ConflictException(AccountSteps.AddressTaken);
}

internal sealed class RegisterAccountValidator : AbstractValidator<RegisterAccount>
{
    public RegisterAccountValidator()
    {
        RuleFor(x => x.Email).EmailAddressText();
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Vul een naam in.").MaximumLength(100).WithMessage("De naam mag hoogstens 100 tekens hebben.");
        RuleFor(x => x.Password).StrongPassword(x => x.Email);
    }
}

internal sealed class RegisterAccountHandler(AccountSteps steps, AccountMails mails) : IRequestHandler<RegisterAccount, SelfServiceAnswer>
{
    public const string Answer = "Dank u. We hebben een e-mail gestuurd naar het opgegeven adres. Volg de link daarin om uw account te bevestigen; " +
                                 "de link is 48 uur geldig.";

    public async Task<SelfServiceAnswer> Handle(RegisterAccount request, CancellationToken cancellationToken)
    {
        var email = AccountEmail.Normalize(request.Email);
        if (await steps.ByEmailAsync(email, cancellationToken) is { } existing)
        {
            // The same hashing work as a new account, so the answer takes as long either way (docs/adr/0077).
            _ = Passwords.Hash(existing, request.Password);
            await steps.QueueAsync(existing.PendingConfirmation ? mails.Confirmation(existing) : mails.AlreadyRegistered(existing));
            return new SelfServiceAnswer(Answer);
        }

        var account = await steps.OpenAsync(email, request.DisplayName, request.Password, [Roles.Contributor], "zelfregistratie", registered: true,
            cancellationToken);
        await steps.QueueAsync(mails.Confirmation(account));
        return new SelfServiceAnswer(Answer);
    }

    internal static void MapEndpoint(RouteGroupBuilder community) =>
        community.MapPost("/registrations", async (RegisterAccount command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await mediator.Send(command, ct)))
            .RequireRateLimiting(RateLimitPolicies.Forms)
            .WithName("RegisterAccount").WithSummary("Zelf een account als bijdrager aanvragen (bevestiging per e-mail); altijd hetzelfde antwoord");
}
