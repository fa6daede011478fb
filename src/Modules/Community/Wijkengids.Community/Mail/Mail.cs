using System.Net;
using System.Text.RegularExpressions;
using Marten;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Wijkengids.Community.Mail;

/// <summary>One mail, ready to send. <see cref="Headers"/> are extra headers (List-Unsubscribe, ...).</summary>
public sealed record OutgoingMail(string To, string Subject, string Text, IReadOnlyDictionary<string, string> Headers, string MessageId);

public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>Settings: `Smtp:Host` switches SMTP on; `Site:BaseUrl` is the address links in mails point to.</summary>
public sealed class MailOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>"auto" (STARTTLS when offered), "starttls", "tls" or "none".</summary>
    public string Security { get; set; } = "auto";
    public string From { get; set; } = "Wijkengids <noreply@wijkengids.nl>";
    public string BaseUrl { get; set; } = "http://localhost:5080";

    public static void Bind(MailOptions options, IConfiguration configuration)
    {
        configuration.GetSection("Smtp").Bind(options);
        options.BaseUrl = (configuration["Site:BaseUrl"] ?? options.BaseUrl).TrimEnd('/');
    }
}

/// <summary>Sends over SMTP with MailKit, one connection per mail (the volume is small).</summary>
internal sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        client.Timeout = 30_000;
        await client.ConnectAsync(settings.Host!, settings.Port, settings.Security switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "tls" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        }, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName)) await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        await client.SendAsync(MailMessages.ToMime(mail, settings.From), cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>In Development without SMTP: mails are kept in the database and shown at /dev/mail.</summary>
internal sealed class DevMailbox(IDocumentStore store, TimeProvider clock) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(new DevMail
        {
            Id = Guid.NewGuid(), To = mail.To, Subject = mail.Subject, Text = mail.Text, Headers = new(mail.Headers), MessageId = mail.MessageId,
            SentAt = clock.GetUtcNow(),
        });
        await session.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Outside Development without SMTP settings: every delivery fails visibly (admins see it) instead of vanishing.</summary>
internal sealed class UnconfiguredMailSender : IMailSender
{
    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Er is geen SMTP-server ingesteld (Smtp:Host).");
}

public sealed class DevMail
{
    public Guid Id { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Text { get; set; } = "";
    public Dictionary<string, string> Headers { get; set; } = [];
    public string MessageId { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
}

internal static partial class MailMessages
{
    public static MimeMessage ToMime(OutgoingMail mail, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.MessageId = mail.MessageId;
        foreach (var (name, value) in mail.Headers) message.Headers.Add(name, value);
        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = Html(mail.Text) };
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The HTML part: the text, encoded, in paragraphs, with its addresses as links.</summary>
    public static string Html(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n").Split("\n\n").Select(p =>
            "<p>" + Url().Replace(WebUtility.HtmlEncode(p), m => $"<a href=\"{m.Value}\">{m.Value}</a>").Replace("\n", "<br>") + "</p>");
        return $"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"></head><body>{string.Concat(paragraphs)}</body></html>";
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    internal static partial Regex Url();
}
