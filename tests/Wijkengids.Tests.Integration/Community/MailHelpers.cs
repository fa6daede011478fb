using System.Text.RegularExpressions;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Mail;
using Wijkengids.Content.Contracts;
using Wijkengids.Tests.Integration.Infrastructure;
using Wolverine;

namespace Wijkengids.Tests.Integration.Community;

/// <summary>Reading the development mailbox, following links in mails, publishing contract messages.</summary>
public static partial class MailHelpers
{
    public static async Task<IReadOnlyList<DevMail>> MailsToAsync(this IAlbaHost host, string address)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Query<DevMail>().Where(m => m.To == address).ToListAsync()).OrderBy(m => m.SentAt).ToList();
    }

    /// <summary>
    /// The mails to <paramref name="address"/>, which must be exactly <paramref name="count"/>: read after the step that sent
    /// them was tracked (<see cref="Messages.TrackedAsync"/>), so every mail it caused is there and a second one would be too.
    /// </summary>
    public static async Task<IReadOnlyList<DevMail>> ReceivedMailsAsync(this IAlbaHost host, string address, int count)
    {
        var mails = await host.MailsToAsync(address);
        Assert.True(mails.Count == count,
            $"{count} mail(s) aan {address} verwacht, {mails.Count} ontvangen: {string.Join(" | ", mails.Select(m => m.Subject))}");
        return mails;
    }

    /// <summary>
    /// The first mail to <paramref name="address"/> whose subject starts so, read after the step that sent it was tracked;
    /// mails of one action may arrive in any order.
    /// </summary>
    public static async Task<DevMail> ReceivedMailAsync(this IAlbaHost host, string address, string subjectStart)
    {
        var mails = await host.MailsToAsync(address);
        return mails.FirstOrDefault(m => m.Subject.StartsWith(subjectStart, StringComparison.Ordinal))
               ?? throw new Xunit.Sdk.XunitException($"Geen mail aan {address} met onderwerp \u201c{subjectStart}…\u201d; wel: " +
                                                     string.Join(" | ", mails.Select(m => m.Subject)));
    }

    /// <summary>The request comes from this machine (the development mailbox answers nothing else).</summary>
    public static Scenario FromThisMachine(this Scenario scenario)
    {
        scenario.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback);
        return scenario;
    }

    public static string LinkTo(string text, string path)
    {
        var match = Regex.Match(text, @"https?://[^\s]+" + Regex.Escape(path) + @"[^\s]*");
        Assert.True(match.Success, $"Geen link naar {path} in:\n{text}");
        return match.Value;
    }

    public static string TokenOf(string url) => Uri.UnescapeDataString(Regex.Match(url, "token=([^&>\\s]+)").Groups[1].Value);

    /// <summary>Subscribes through the API and confirms with the link from the newest mail.</summary>
    public static Task SubscribeAndConfirmAsync(this IAlbaHost host, string email, params string[] themes) =>
        host.SubscribeAndConfirmAsync(new { email, themes }, email);

    /// <summary>Subscribes with <paramref name="body"/> (the API's JSON: email, themes, chapters, majorOnly, frequency) and confirms.</summary>
    public static async Task SubscribeAndConfirmAsync(this IAlbaHost host, object body, string email)
    {
        var before = (await host.MailsToAsync(email)).Count;
        await host.TrackedAsync(_ => host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl("/api/community/subscriptions");
            s.StatusCodeShouldBe(202);
        }));
        var mail = (await host.ReceivedMailsAsync(email, before + 1)).Last();
        await host.TrackedAsync(_ => host.Scenario(s =>
        {
            s.Post.Json(new { token = TokenOf(LinkTo(mail.Text, "/aanmelden/bevestigen")) }).ToUrl("/api/community/subscriptions/confirm");
            s.StatusCodeShouldBe(200);
        }));
    }

    public static async Task PublishAsync(this IAlbaHost host, object message)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(message);
    }

    /// <summary>An edition whose items carry a change level and chapters: (title, "major" or "minor", themes, chapters).</summary>
    public static EditionPublished EditionOf(int number, params (string Title, string Change, string[] Themes, string[] Chapters)[] items) =>
        new(number, $"Update {number}", DateTimeOffset.UtcNow,
            items.Select((i, n) => new EditionItem(Guid.NewGuid(), "les", i.Title, $"/gids/les-{number}-{n}", i.Change,
                $"Toelichting bij {i.Title}.", i.Themes, i.Chapters)).ToList());

    public static EditionPublished Edition(int number, params (string Title, string[] Themes)[] items) =>
        new(number, $"Update {number}", DateTimeOffset.UtcNow,
            items.Select((i, n) => new EditionItem(Guid.NewGuid(), "les", i.Title, $"/gids/les-{number}-{n}", n == 0 ? "major" : "minor",
                $"Toelichting bij {i.Title}.", i.Themes)).ToList());
}
