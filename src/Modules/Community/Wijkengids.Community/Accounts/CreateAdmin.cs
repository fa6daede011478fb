using System.Security.Cryptography;
using Wijkengids.Community.Contracts;
using Wijkengids.Community.Mail;
using Wijkengids.Community.Shared;

namespace Wijkengids.Community.Accounts;

/// <summary>
/// The operator makes an admin (the first one in Production): a new account with role admin and an unknown random
/// password, and a single-use link, valid 24 hours, to choose the password. <see cref="Reset"/> applies it to an
/// existing account instead: admin role, active again, the old password replaced (docs/adr/0080).
/// </summary>
public sealed record CreateAdmin(string Email, string? DisplayName, bool Reset) : ICommand<AdminInvitation>, IAnswersLostRace<AdminInvitation>
{
    public AdminInvitation LostRace() => throw new ConflictException(AccountSteps.AddressTaken);
}

/// <summary>The account, the link to choose its password, and whether that link was also mailed.</summary>
public sealed record AdminInvitation(Guid AccountId, bool Created, string Link, bool Mailed);

internal sealed class CreateAdminValidator : AbstractValidator<CreateAdmin>
{
    public CreateAdminValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Geef een e-mailadres op met --email.")
            .MaximumLength(254).WithMessage("Het e-mailadres is te lang.")
            .EmailAddress().WithMessage("Geef een geldig e-mailadres op.")
            .Must(e => !DevelopmentAddresses.IsDevelopmentAddress(e))
            .WithMessage($"Adressen op {DevAccounts.Domain} zijn ontwikkeladressen; die kunnen buiten Development niet inloggen. Kies een echt adres.");
        RuleFor(x => x.DisplayName).MaximumLength(100).WithMessage("De naam mag hoogstens 100 tekens hebben.");
    }
}

internal sealed class CreateAdminHandler(AccountSteps steps, AccountMails mails, IMailSender mailSender) : IRequestHandler<CreateAdmin, AdminInvitation>
{
    public const string Reason = "admin create (opdrachtregel)";
    public const string DefaultName = "Beheerder";

    public async Task<AdminInvitation> Handle(CreateAdmin request, CancellationToken cancellationToken)
    {
        var email = AccountEmail.Normalize(request.Email);
        var account = await steps.ByEmailAsync(email, cancellationToken);
        var created = account is null;
        string passwordHash;
        if (account is null)
        {
            var name = string.IsNullOrWhiteSpace(request.DisplayName) ? DefaultName : request.DisplayName;
            account = await steps.OpenAsync(email, name, UnknownPassword(), [Roles.Admin], Reason, registered: false, cancellationToken);
            passwordHash = account.PasswordHash;
        }
        else if (!request.Reset)
        {
            throw new ConflictException("Er bestaat al een account met dit e-mailadres. Met --reset wordt het beheerder, weer actief, " +
                                        "vervalt het huidige wachtwoord en krijgt u een nieuwe link.");
        }
        else
        {
            if (account.Erased) throw new RuleViolationException("De gegevens van dit account zijn gewist (AVG). Maak een beheerder met een ander adres.");
            // The old password (and every link issued for it) and every open session stop working; the new link chooses the next one.
            var stream = await steps.FetchAsync(account.Id, null, Reason, cancellationToken);
            passwordHash = Passwords.Hash(account, UnknownPassword());
            AccountSteps.Record(stream, stream.Aggregate!.ResetToAdmin(await steps.SealAsync(account.Id, passwordHash, cancellationToken)));
        }

        // The link is issued for the new password (in the events, not yet in the read model), so it dies with it.
        var link = mails.PasswordLink(account.Id, passwordHash, AccountMails.AdminSetupLifetime);
        // Mail only when the site can send it (SMTP, or the development mailbox); the link is printed either way.
        var mailed = mailSender is not UnconfiguredMailSender;
        if (mailed) await steps.QueueAsync(mails.AdminInvitation(account, link));
        return new AdminInvitation(account.Id, created, link, mailed);
    }

    /// <summary>A password nobody knows: the account cannot sign in until the link has been used.</summary>
    private static string UnknownPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
