using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.Community.Mail;
using Wijkengids.Community.Shared;
using Wijkengids.Community.SignIn;
using Wijkengids.SharedKernel;
using Wolverine.Marten;
using Contract = Wijkengids.Community.Contracts;

namespace Wijkengids.Community.Accounts;

/// <summary>Someone registers as contributor; the account works once the address is confirmed. Same answer whether the address is known or not.</summary>
public sealed record RegisterAccount(string Email, string DisplayName, string Password) : IRequest<SelfServiceAnswer>;

public sealed record ConfirmAccountEmail(string Token) : IRequest<SelfServiceAnswer>;

/// <summary>Asks for a password-reset link: mailed when an active account has the address, otherwise a mail saying there is none; the answer is the same.</summary>
public sealed record RequestPasswordReset(string Email) : IRequest<SelfServiceAnswer>;

public sealed record ResetPassword(string Token, string NewPassword) : IRequest<SelfServiceAnswer>;

/// <summary>The signed-in person changes their display name and/or password (the current password is needed for a new one).</summary>
public sealed record ChangeProfile(Guid AccountId, string DisplayName, string? CurrentPassword, string? NewPassword) : IRequest<AccountSummary>;

public sealed record SelfServiceAnswer(string Message);

internal static class PasswordRules
{
    /// <summary>12 to 200 characters and not refused by <see cref="Passwords.Refusal"/> (common, or made of the address or the site's name).</summary>
    public static IRuleBuilderOptions<T, string?> StrongPassword<T>(this IRuleBuilder<T, string?> rule, Func<T, string?>? email = null) =>
        rule.NotEmpty().WithMessage("Vul een wachtwoord in.")
            .MinimumLength(Passwords.MinimumLength).WithMessage($"Het wachtwoord moet minstens {Passwords.MinimumLength} tekens hebben.")
            .MaximumLength(Passwords.MaximumLength).WithMessage("Het wachtwoord is te lang.")
            .Must((x, password) => Passwords.Refusal(password, email?.Invoke(x)) is null)
            .WithMessage((x, password) => Passwords.Refusal(password, email?.Invoke(x)) ?? "");

    /// <summary>The address rule for commands that name the account, not the address (reset, change): checked once the account is loaded.</summary>
    public static void EnsureAllowed(string password, string email, string property)
    {
        if (Passwords.Refusal(password, email) is { } refusal) throw new ValidationException([new FluentValidation.Results.ValidationFailure(property, refusal)]);
    }
}

internal sealed class RegisterAccountValidator : AbstractValidator<RegisterAccount>
{
    public RegisterAccountValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Vul een e-mailadres in.").MaximumLength(254).WithMessage("Het e-mailadres is te lang.")
            .EmailAddress().WithMessage("Vul een geldig e-mailadres in.");
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Vul een naam in.").MaximumLength(100).WithMessage("De naam mag hoogstens 100 tekens hebben.");
        RuleFor(x => x.Password).StrongPassword(x => x.Email);
    }
}

internal sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordReset>
{
    public RequestPasswordResetValidator() =>
        RuleFor(x => x.Email).NotEmpty().WithMessage("Vul een e-mailadres in.").MaximumLength(254).WithMessage("Het e-mailadres is te lang.")
            .EmailAddress().WithMessage("Vul een geldig e-mailadres in.");
}

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator() => RuleFor(x => x.NewPassword).StrongPassword();
}

internal sealed class ChangeProfileValidator : AbstractValidator<ChangeProfile>
{
    public ChangeProfileValidator()
    {
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Vul een naam in.").MaximumLength(100).WithMessage("De naam mag hoogstens 100 tekens hebben.");
        RuleFor(x => x.NewPassword).StrongPassword().When(x => !string.IsNullOrEmpty(x.NewPassword));
        RuleFor(x => x.CurrentPassword).NotEmpty().When(x => !string.IsNullOrEmpty(x.NewPassword))
            .WithMessage("Vul uw huidige wachtwoord in om een nieuw te kiezen.");
    }
}

internal sealed class SelfServiceHandler(
    IDocumentSession session,
    IMartenOutbox outbox,
    IRequestContext context,
    IPersonalDataVault vault,
    SignedTokens tokens,
    AccountMails mails,
    TimeProvider clock)
    : IRequestHandler<RegisterAccount, SelfServiceAnswer>, IRequestHandler<ConfirmAccountEmail, SelfServiceAnswer>,
        IRequestHandler<RequestPasswordReset, SelfServiceAnswer>, IRequestHandler<ResetPassword, SelfServiceAnswer>,
        IRequestHandler<ChangeProfile, AccountSummary>
{
    public const string RegisteredAnswer = "Dank u. We hebben een e-mail gestuurd naar het opgegeven adres. Volg de link daarin om uw account te bevestigen; " +
                                           "de link is 48 uur geldig.";

    public const string ResetAnswer = "Als er een account met dit e-mailadres is, ontvangt u binnen enkele minuten een e-mail met een link om een nieuw " +
                                      "wachtwoord te kiezen. De link is 2 uur geldig.";

    public async Task<SelfServiceAnswer> Handle(RegisterAccount request, CancellationToken cancellationToken)
    {
        var email = AccountEmail.Normalize(request.Email);
        var existing = await session.Query<AccountView>().FirstOrDefaultAsync(a => a.Email == email, cancellationToken);
        if (existing is not null)
        {
            // The same hashing work as a new account, so the answer takes as long either way (docs/adr/0077).
            _ = Passwords.Hash(existing, request.Password);
            await QueueAsync(existing.PendingConfirmation ? mails.Confirmation(existing) : mails.AlreadyRegistered(existing), cancellationToken);
            await session.SaveChangesAsync(cancellationToken);
            return new SelfServiceAnswer(RegisteredAnswer);
        }

        var id = Guid.NewGuid();
        var name = request.DisplayName.Trim();
        string[] roles = [Roles.Contributor];
        var view = new AccountView
        {
            Id = id, Email = email, DisplayName = name, Roles = [.. roles], OpenedAt = clock.GetUtcNow(), PendingConfirmation = true,
        };
        view.PasswordHash = OpenAccountHandler.HashPassword(view, request.Password);
        session.StartWithView(context, "zelfregistratie", view,
        [
            new AccountRegistered(id, await vault.SealAsync(id, email, cancellationToken), await vault.SealAsync(id, name, cancellationToken), roles),
            new AccountPasswordSet(id),
        ]);
        await QueueAsync(mails.Confirmation(view), cancellationToken);
        await outbox.PublishAsync(new Contract.AccountOpened(id, name, roles, view.OpenedAt));
        await AccountEmail.SaveGuardingUniqueness(session, cancellationToken);
        return new SelfServiceAnswer(RegisteredAnswer);
    }

    public async Task<SelfServiceAnswer> Handle(ConfirmAccountEmail request, CancellationToken cancellationToken)
    {
        var (nonce, payload) = tokens.Read(AccountMails.ConfirmPurpose, request.Token) ?? throw new RuleViolationException(SignedTokens.InvalidMessage);
        var account = await UsableAsync(payload, cancellationToken);
        await SignedTokens.ConsumeAsync(session, AccountMails.ConfirmPurpose, nonce, clock, cancellationToken);
        if (account.PendingConfirmation)
        {
            account.PendingConfirmation = false;
            session.AppendWithView(context, null, account, [new AccountEmailConfirmed(account.Id)]);
        }
        await SignedTokens.SaveConsumingAsync(session, cancellationToken);
        return new SelfServiceAnswer("Uw e-mailadres is bevestigd. U kunt nu inloggen.");
    }

    public async Task<SelfServiceAnswer> Handle(RequestPasswordReset request, CancellationToken cancellationToken)
    {
        var email = AccountEmail.Normalize(request.Email ?? "");
        var account = await session.Query<AccountView>().FirstOrDefaultAsync(a => a.Email == email, cancellationToken);
        // A mail either way: the link to the account's owner, or "there is no account" to the address given, so both paths
        // do the same work and take the same time (docs/adr/0077).
        await QueueAsync(account is { Active: true, Erased: false } ? mails.PasswordReset(account) : mails.NoAccount(email), cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return new SelfServiceAnswer(ResetAnswer);
    }

    public async Task<SelfServiceAnswer> Handle(ResetPassword request, CancellationToken cancellationToken)
    {
        var (nonce, payload) = tokens.Read(AccountMails.ResetPurpose, request.Token) ?? throw new RuleViolationException(SignedTokens.InvalidMessage);
        var parts = payload.Split('|');
        var account = await UsableAsync(parts[0], cancellationToken);
        // A used link says so (409), before the check that the password it was issued for is still the current one.
        await SignedTokens.ConsumeAsync(session, AccountMails.ResetPurpose, nonce, clock, cancellationToken);
        if (parts.Length != 2 || parts[1] != AccountMails.PasswordStamp(account)) throw new RuleViolationException(SignedTokens.InvalidMessage);
        PasswordRules.EnsureAllowed(request.NewPassword, account.Email, nameof(request.NewPassword));
        account.PasswordHash = OpenAccountHandler.HashPassword(account, request.NewPassword);
        // Following a mailed link proves the address too.
        account.PendingConfirmation = false;
        // Whoever knew the old password is signed out everywhere (docs/adr/0076).
        session.AppendWithView(context, null, account, [new AccountPasswordReset(account.Id), SignInSessions.RevokeAll(account)]);
        await SignedTokens.SaveConsumingAsync(session, cancellationToken);
        return new SelfServiceAnswer("Uw nieuwe wachtwoord is ingesteld. U kunt nu inloggen.");
    }

    public async Task<AccountSummary> Handle(ChangeProfile request, CancellationToken cancellationToken)
    {
        var account = await session.LoadAsync<AccountView>(request.AccountId, cancellationToken);
        if (account is null || account.Erased) throw new NotFoundException("Dit account bestaat niet (meer).");
        var events = new List<object>();
        var name = request.DisplayName.Trim();
        if (name != account.DisplayName)
        {
            events.Add(new AccountRenamed(account.Id, await vault.SealAsync(account.Id, name, cancellationToken)));
            account.DisplayName = name;
        }
        if (!string.IsNullOrEmpty(request.NewPassword))
        {
            if (!OpenAccountHandler.Verify(account, request.CurrentPassword ?? "")) throw new RuleViolationException("Uw huidige wachtwoord klopt niet.");
            PasswordRules.EnsureAllowed(request.NewPassword, account.Email, nameof(request.NewPassword));
            account.PasswordHash = OpenAccountHandler.HashPassword(account, request.NewPassword);
            events.Add(new AccountPasswordSet(account.Id));
            // Every session ends; the endpoint or page that made the change starts a new one for this person (docs/adr/0076).
            events.Add(SignInSessions.RevokeAll(account));
        }
        if (events.Count == 0) return AccountSummary.From(account);
        session.AppendWithView(context, null, account, events);
        await session.SaveChangesAsync(cancellationToken);
        return AccountSummary.From(account);
    }

    private async Task<AccountView> UsableAsync(string id, CancellationToken cancellationToken)
    {
        var account = Guid.TryParse(id, out var guid) ? await session.LoadAsync<AccountView>(guid, cancellationToken) : null;
        if (account is null || account.Erased || !account.Active) throw new RuleViolationException(SignedTokens.InvalidMessage);
        return account;
    }

    private async Task QueueAsync(MailDelivery delivery, CancellationToken cancellationToken)
    {
        outbox.EnrollWith(session, context);
        foreach (var message in await MailQueue.EnqueueAsync(session, [delivery], clock, cancellationToken)) await outbox.PublishAsync(message);
    }

    internal static void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var community = endpoints.MapGroup("/api/community").WithTags("Community");
        community.MapPost("/registrations", async (RegisterAccount command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await mediator.Send(command, ct)))
            .RequireRateLimiting(RateLimitPolicies.Forms)
            .WithName("RegisterAccount").WithSummary("Zelf een account als bijdrager aanvragen (bevestiging per e-mail); altijd hetzelfde antwoord")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        community.MapPost("/registrations/confirm", async (TokenBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ConfirmAccountEmail(body.Token ?? ""), ct)))
            .WithName("ConfirmAccountEmail").WithSummary("E-mailadres van een nieuw account bevestigen (eenmalige link, 48 uur)")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        community.MapPost("/password-resets", async (EmailBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await mediator.Send(new RequestPasswordReset(body.Email ?? ""), ct)))
            .RequireRateLimiting(RateLimitPolicies.Forms)
            .WithName("RequestPasswordReset").WithSummary("Link voor een nieuw wachtwoord aanvragen; altijd hetzelfde antwoord")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        community.MapPost("/password-resets/complete", async (ResetBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ResetPassword(body.Token ?? "", body.NewPassword ?? ""), ct)))
            .WithName("ResetPassword").WithSummary("Nieuw wachtwoord instellen met de link uit de mail (eenmalig, 2 uur)")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        community.MapPut("/me/profile", async (ProfileBody body, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var account = Privacy.PersonalDataHandler.AccountIdOf(http.User);
                var changed = await mediator.Send(new ChangeProfile(account, body.DisplayName ?? "", body.CurrentPassword, body.NewPassword), ct);
                if (!string.IsNullOrEmpty(body.NewPassword)) await SignInSessions.RenewAsync(http, mediator, account, ct);
                return TypedResults.Ok(changed);
            })
            .RequireAuthorization()
            .WithName("ChangeMyProfile").WithSummary("Eigen naam en/of wachtwoord wijzigen")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    internal sealed record TokenBody(string? Token);

    internal sealed record EmailBody(string? Email);

    internal sealed record ResetBody(string? Token, string? NewPassword);

    internal sealed record ProfileBody(string? DisplayName, string? CurrentPassword, string? NewPassword);
}
