namespace Wijkengids.Community.Accounts;

/// <summary>Asks for a password-reset link: mailed when an active account has the address, otherwise a mail saying there is none; the answer is the same.</summary>
public sealed record RequestPasswordReset(string Email) : ICommand<SelfServiceAnswer>;

internal sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordReset>
{
    public RequestPasswordResetValidator() =>
        RuleFor(x => x.Email).EmailAddressText();
}

internal sealed class RequestPasswordResetHandler(AccountSteps steps, AccountMails mails) : IRequestHandler<RequestPasswordReset, SelfServiceAnswer>
{
    public const string Answer = "Als er een account met dit e-mailadres is, ontvangt u binnen enkele minuten een e-mail met een link om een nieuw " +
                                 "wachtwoord te kiezen. De link is 2 uur geldig.";

    public async Task<SelfServiceAnswer> Handle(RequestPasswordReset request, CancellationToken cancellationToken)
    {
        var email = AccountEmail.Normalize(request.Email ?? "");
        var account = await steps.ByEmailAsync(email, cancellationToken);
        // A mail either way: the link to the account's owner, or "there is no account" to the address given, so both paths
        // do the same work and take the same time (docs/adr/0077).
        await steps.QueueAsync(account is { Active: true, Erased: false } ? mails.PasswordReset(account) : mails.NoAccount(email));
        return new SelfServiceAnswer(Answer);
    }

    internal static void MapEndpoint(RouteGroupBuilder community) =>
        community.MapPost("/password-resets", async (EmailBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await mediator.Send(new RequestPasswordReset(body.Email ?? ""), ct)))
            .RequireRateLimiting(RateLimitPolicies.Forms)
            .WithName("RequestPasswordReset").WithSummary("Link voor een nieuw wachtwoord aanvragen; altijd hetzelfde antwoord");

    internal sealed record EmailBody(string? Email);
}
