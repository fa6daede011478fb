using Microsoft.Extensions.Options;
using Wijkengids.Community.Mail;
using Wijkengids.Community.Shared;

namespace Wijkengids.Community.Accounts;

/// <summary>Mails about one's own account: confirm the address, reset the password, "you already have an account", "there is no account".</summary>
public sealed class AccountMails(SignedTokens tokens, IOptions<MailOptions> options)
{
    public const string ConfirmPurpose = "account-confirm";
    public const string ResetPurpose = "password-reset";
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromHours(48);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(2);
    /// <summary>The link `admin create` prints (and mails) to choose the first password (docs/adr/0080).</summary>
    public static readonly TimeSpan AdminSetupLifetime = TimeSpan.FromHours(24);

    private string BaseUrl => options.Value.BaseUrl;

    internal MailDelivery Confirmation(AccountView account) =>
        Delivery(account, "account-bevestiging", "Bevestig uw e-mailadres voor de Wijkengids",
            $"""
            Beste {account.DisplayName},

            Welkom bij de Wijkengids. Bevestig uw e-mailadres met deze link; daarna kunt u inloggen en reacties en voorstellen sturen:
            {Link("/registreren/bevestigen", tokens.Issue(ConfirmPurpose, account.Id.ToString("N"), ConfirmLifetime))}

            De link is 48 uur geldig en werkt één keer. Hebt u dit niet aangevraagd? Dan hoeft u niets te doen.
            """);

    internal MailDelivery AlreadyRegistered(AccountView account) =>
        Delivery(account, "account-bestaat", "U hebt al een account bij de Wijkengids",
            $"""
            Beste {account.DisplayName},

            Iemand (waarschijnlijk u) probeerde een account te maken met dit e-mailadres, maar u hebt al een account.
            Wachtwoord vergeten? Vraag een nieuw aan via {BaseUrl}/wachtwoord-vergeten

            Hebt u dit niet gedaan? Dan hoeft u niets te doen.
            """);

    internal MailDelivery PasswordReset(AccountView account) =>
        Delivery(account, "wachtwoord-herstel", "Nieuw wachtwoord voor de Wijkengids",
            $"""
            Beste {account.DisplayName},

            U vroeg een nieuw wachtwoord aan. Kies het met deze link:
            {PasswordLink(account, ResetLifetime)}

            De link is 2 uur geldig en werkt één keer. Hebt u dit niet aangevraagd? Dan blijft uw wachtwoord wat het was.
            """);

    internal MailDelivery AdminInvitation(AccountView account, string link) =>
        Delivery(account, "beheerder-uitnodiging", "Kies uw wachtwoord als beheerder van de Wijkengids",
            $"""
            Beste {account.DisplayName},

            U bent beheerder van de Wijkengids. Kies uw wachtwoord met deze link; daarna kunt u inloggen op {BaseUrl}/inloggen:
            {link}

            De link is 24 uur geldig en werkt één keer. Verwachtte u dit niet? Neem dan contact op met wie de site beheert.
            """);

    /// <summary>A single-use link to choose a new password; it dies as soon as the password changes (<see cref="PasswordStamp"/>).</summary>
    internal string PasswordLink(AccountView account, TimeSpan lifetime) => PasswordLink(account.Id, account.PasswordHash, lifetime);

    /// <summary>The same, for the password whose hash is <paramref name="passwordHash"/> (set in the same change, not yet in the read model).</summary>
    internal string PasswordLink(Guid accountId, string passwordHash, TimeSpan lifetime) =>
        Link("/wachtwoord-herstellen", tokens.Issue(ResetPurpose, $"{accountId:N}|{PasswordStamp(passwordHash)}", lifetime));

    /// <summary>To an address without a (usable) account that asked for a new password: sent so that asking costs the same either way.</summary>
    internal MailDelivery NoAccount(string email) =>
        Delivery(Guid.NewGuid(), email, "geen-account", "Geen account bij de Wijkengids",
            $"""
            Beste lezer,

            Iemand (waarschijnlijk u) vroeg een nieuw wachtwoord aan voor dit e-mailadres, maar er is geen (actief) account met dit adres.
            Wilt u een account? Maak het aan via {BaseUrl}/registreren

            Hebt u dit niet gedaan? Dan hoeft u niets te doen.
            """);

    /// <summary>Changes with every new password, so a reset link stops working once the password has changed.</summary>
    internal static string PasswordStamp(AccountView account) => PasswordStamp(account.PasswordHash);

    internal static string PasswordStamp(string passwordHash) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(passwordHash)))[..16];

    private string Link(string path, string token) => $"{BaseUrl}{path}?token={Uri.EscapeDataString(token)}";

    private static MailDelivery Delivery(AccountView account, string mailing, string subject, string body) =>
        Delivery(account.Id, account.Email, mailing, subject, body);

    private static MailDelivery Delivery(Guid recipient, string to, string mailing, string subject, string body) => new()
    {
        Id = $"{mailing}/{recipient:N}/{Guid.NewGuid():N}", Mailing = mailing, Recipient = recipient, To = to, Subject = subject,
        Text = $"{body}\n\nMet vriendelijke groet,\nDe redactie van de Wijkengids",
    };
}
