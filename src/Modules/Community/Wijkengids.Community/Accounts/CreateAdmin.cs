using System.Security.Cryptography;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Contracts;
using Wijkengids.Community.Mail;
using Wijkengids.Community.Shared;
using Wijkengids.Community.SignIn;
using Wijkengids.SharedKernel;
using Wolverine.Marten;

namespace Wijkengids.Community.Accounts;

/// <summary>
/// The operator makes an admin (the first one in Production): a new account with role admin and an unknown random
/// password, and a single-use link, valid 24 hours, to choose the password. <see cref="Reset"/> applies it to an
/// existing account instead: admin role, active again, the old password replaced (docs/adr/0080).
/// </summary>
public sealed record CreateAdmin(string Email, string? DisplayName, bool Reset) : IRequest<AdminInvitation>;

/// <summary>The account, the link to choose its password, and whether that link was also mailed.</summary>
public sealed record AdminInvitation(AccountSummary Account, bool Created, string Link, bool Mailed);

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

internal sealed class CreateAdminHandler(
    IDocumentSession session,
    IMartenOutbox outbox,
    IRequestContext context,
    IPersonalDataVault vault,
    AccountMails mails,
    IMailSender mailSender,
    TimeProvider clock) : IRequestHandler<CreateAdmin, AdminInvitation>
{
    public const string Reason = "admin create (opdrachtregel)";
    public const string DefaultName = "Beheerder";

    public async Task<AdminInvitation> Handle(CreateAdmin request, CancellationToken cancellationToken)
    {
        var email = AccountEmail.Normalize(request.Email);
        var account = await session.Query<AccountView>().FirstOrDefaultAsync(a => a.Email == email, cancellationToken);
        var created = account is null;
        if (account is null)
        {
            var name = string.IsNullOrWhiteSpace(request.DisplayName) ? DefaultName : request.DisplayName;
            account = await OpenAccountHandler.StageAsync(session, outbox, context, vault, clock, email, name, UnknownPassword(), [Roles.Admin],
                Reason, cancellationToken);
        }
        else if (!request.Reset)
        {
            throw new ConflictException("Er bestaat al een account met dit e-mailadres. Met --reset wordt het beheerder, weer actief, " +
                                        "vervalt het huidige wachtwoord en krijgt u een nieuwe link.");
        }
        else
        {
            ResetToAdmin(account);
        }

        var link = mails.PasswordLink(account, AccountMails.AdminSetupLifetime);
        // Mail only when the site can send it (SMTP, or the development mailbox); the link is printed either way.
        var mailed = mailSender is not UnconfiguredMailSender;
        if (mailed)
        {
            outbox.EnrollWith(session, context);
            foreach (var message in await MailQueue.EnqueueAsync(session, [mails.AdminInvitation(account, link)], clock, cancellationToken))
            {
                await outbox.PublishAsync(message);
            }
        }
        await AccountEmail.SaveGuardingUniqueness(session, cancellationToken);
        return new AdminInvitation(AccountSummary.From(account), created, link, mailed);
    }

    private void ResetToAdmin(AccountView account)
    {
        if (account.Erased) throw new RuleViolationException("De gegevens van dit account zijn gewist (AVG). Maak een beheerder met een ander adres.");
        var events = new List<object>();
        if (!account.Roles.Contains(Roles.Admin))
        {
            events.Add(new AccountRoleGranted(account.Id, Roles.Admin));
            account.Roles = [.. account.Roles.Append(Roles.Admin).Order()];
        }
        if (!account.Active)
        {
            events.Add(new AccountReactivated(account.Id));
            account.Active = true;
        }
        // The old password (and every link issued for it) and every open session stop working; the new link chooses the next one.
        account.PasswordHash = OpenAccountHandler.HashPassword(account, UnknownPassword());
        events.Add(new AccountPasswordSet(account.Id));
        events.Add(SignInSessions.RevokeAll(account));
        session.AppendWithView(context, Reason, account, events);
    }

    /// <summary>A password nobody knows: the account cannot sign in until the link has been used.</summary>
    private static string UnknownPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}

/// <summary>
/// <c>dotnet run --project src/Host -- admin create --email &lt;adres&gt; [--name &lt;naam&gt;] [--reset]</c>: makes an admin and prints
/// a single-use link (24 hours) to choose the password; mails it too when the site can send mail. Exit 0 done, 2 wrong
/// arguments, 3 refused (e.g. the address has an account and --reset was not given).
/// </summary>
internal sealed class AdminCommand : ICommandLineCommand
{
    /// <summary>Where the command writes (the console unless a test gives a writer).</summary>
    public TextWriter? Output { get; init; }

    public string Name => "admin";

    public string Description => "admin create --email <adres> [--name <naam>] [--reset]: maakt een beheerder en geeft een eenmalige link (24 uur) om het wachtwoord te kiezen.";

    public async Task<int> RunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken)
    {
        var output = Output ?? Console.Out;
        var help = args.Contains("--help") || args.Contains("-h");
        if (help || Parse(args) is not { } request)
        {
            output.WriteLine($"Gebruik: {Description}");
            output.WriteLine("  --reset  het adres heeft al een account: maak het beheerder en weer actief; het huidige wachtwoord vervalt.");
            return help ? 0 : 2;
        }

        await using var scope = services.CreateAsyncScope();
        try
        {
            var invitation = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
            var account = invitation.Account;
            output.WriteLine(invitation.Created
                ? $"Beheerder {account.Email} ({account.DisplayName}) aangemaakt."
                : $"Account {account.Email} is nu beheerder en actief; het oude wachtwoord werkt niet meer.");
            output.WriteLine("Kies het wachtwoord met deze link (24 uur geldig, werkt één keer):");
            output.WriteLine($"  {invitation.Link}");
            output.WriteLine(invitation.Mailed
                ? $"De link is ook gemaild naar {account.Email}."
                : "Er is geen SMTP ingesteld (Smtp:Host): de link is niet gemaild. Geef hem zelf veilig door.");
            return 0;
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors) output.WriteLine(error.ErrorMessage);
            return 2;
        }
        catch (DomainProblemException e)
        {
            output.WriteLine(e.Message);
            return 3;
        }
    }

    private static CreateAdmin? Parse(string[] args)
    {
        if (args is not ["create", .. var options]) return null;
        string? email = null, name = null;
        var reset = false;
        for (var i = 0; i < options.Length; i++)
        {
            switch (options[i])
            {
                case "--email" when i + 1 < options.Length: email = options[++i]; break;
                case "--name" when i + 1 < options.Length: name = options[++i]; break;
                case "--reset": reset = true; break;
                default: return null;
            }
        }
        return email is null ? null : new CreateAdmin(email, name, reset);
    }
}
