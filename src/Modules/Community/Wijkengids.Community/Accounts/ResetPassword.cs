using Wijkengids.Community.Shared;

namespace Wijkengids.Community.Accounts;

/// <summary>A new password with the link from the reset mail (or the admin's setup link): single use, and dead once the password changed.</summary>
public sealed record ResetPassword(string Token, string NewPassword) : ICommand<SelfServiceAnswer>, IAnswersLostRace<SelfServiceAnswer>
{
    /// <summary>The same link used twice at the same moment.</summary>
    public SelfServiceAnswer LostRace() => throw new ConflictException(SignedTokens.UsedMessage);
}

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator() => RuleFor(x => x.NewPassword).StrongPassword();
}

internal sealed class ResetPasswordHandler(AccountSteps steps, SignedTokens tokens, IDocumentSession session, TimeProvider clock)
    : IRequestHandler<ResetPassword, SelfServiceAnswer>
{
    public async Task<SelfServiceAnswer> Handle(ResetPassword request, CancellationToken cancellationToken)
    {
        var (nonce, payload) = tokens.Read(AccountMails.ResetPurpose, request.Token) ?? throw new RuleViolationException(SignedTokens.InvalidMessage);
        var parts = payload.Split('|');
        var stream = await AccountLinks.UsableAsync(steps, parts[0], cancellationToken);
        var account = await steps.ViewAsync(stream.Id, cancellationToken) ?? throw new RuleViolationException(SignedTokens.InvalidMessage);
        // A used link says so (409), before the check that the password it was issued for is still the current one.
        await SignedTokens.ConsumeAsync(session, AccountMails.ResetPurpose, nonce, clock, cancellationToken);
        if (parts.Length != 2 || parts[1] != AccountMails.PasswordStamp(account)) throw new RuleViolationException(SignedTokens.InvalidMessage);
        PasswordRules.EnsureAllowed(request.NewPassword, account.Email, nameof(request.NewPassword));
        var hash = await steps.SealAsync(account.Id, Passwords.Hash(account, request.NewPassword), cancellationToken);
        // Following a mailed link proves the address too; whoever knew the old password is signed out everywhere (docs/adr/0076).
        AccountSteps.Record(stream, stream.Aggregate!.ResetPassword(hash));
        return new SelfServiceAnswer("Uw nieuwe wachtwoord is ingesteld. U kunt nu inloggen.");
    }

    internal static void MapEndpoint(RouteGroupBuilder community) =>
        community.MapPost("/password-resets/complete", async (ResetBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ResetPassword(body.Token ?? "", body.NewPassword ?? ""), ct)))
            .WithName("ResetPassword").WithSummary("Nieuw wachtwoord instellen met de link uit de mail (eenmalig, 2 uur)");

    internal sealed record ResetBody(string? Token, string? NewPassword);
}
