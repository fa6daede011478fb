using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Alba;
using MimeKit;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

/// <summary>The host with Smtp settings pointing at a real SMTP receiver started by the test.</summary>
public sealed class SmtpFixture : HostFixture
{
    public SmtpSink Sink { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Sink.Port.ToString(),
        ["Smtp:Security"] = "none",
        ["Smtp:From"] = "Wijkengids <updates@wijkengids.test>",
        ["Site:BaseUrl"] = "https://wijkengids.test",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

/// <summary>The SMTP path for real: MailKit talks to the sink; headers, links and the unsubscribe flow are checked on what arrived.</summary>
[Collection(SharedHosts.Smtp)]
public sealed class SmtpTests(SmtpFixture fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task Confirmation_and_edition_mails_arrive_over_smtp_with_links_and_rfc_8058_headers()
    {
        const string address = "smtp-lezer@example.nl";
        await Host.TrackedAsync(_ => Host.Scenario(s =>
        {
            s.Post.Json(new { email = address, themes = new[] { "wonen" } }).ToUrl("/api/community/subscriptions");
            s.StatusCodeShouldBe(202);
        }));
        var confirmation = Arrived(address, 1);
        Assert.Equal("updates@wijkengids.test", confirmation.From.Mailboxes.Single().Address);
        Assert.Equal("Bevestig uw aanmelding voor updates van de Wijkengids", confirmation.Subject);
        Assert.EndsWith("@wijkengids", confirmation.MessageId);
        var confirmLink = MailHelpers.LinkTo(confirmation.TextBody ?? "", "/aanmelden/bevestigen");
        Assert.StartsWith("https://wijkengids.test/aanmelden/bevestigen?token=", confirmLink);
        Assert.Contains($"href=\"{confirmLink}\"", confirmation.HtmlBody);
        AssertOneClickHeaders(confirmation);

        await Host.Scenario(s =>
        {
            s.Post.Json(new { token = MailHelpers.TokenOf(confirmLink) }).ToUrl("/api/community/subscriptions/confirm");
            s.StatusCodeShouldBe(200);
        });
        await Host.PublishAndWaitAsync(MailHelpers.Edition(31, ("Wonen in de wijk", ["wonen"])));
        var edition = Arrived(address, 2);
        Assert.Equal("Update 31 van de Wijkengids: Update 31", edition.Subject);
        Assert.Contains("https://wijkengids.test/gids/les-31-0", edition.TextBody);
        Assert.Contains("href=\"https://wijkengids.test/gids/les-31-0\"", edition.HtmlBody);
        Assert.Contains("https://wijkengids.test/afmelden?token=", edition.TextBody);
        var oneClick = AssertOneClickHeaders(edition);

        // What a mail client does for RFC 8058: POST List-Unsubscribe=One-Click to the header's URI, without cookies.
        var uri = new Uri(oneClick);
        await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }).ToUrl(uri.AbsolutePath)
                .QueryString("token", MailHelpers.TokenOf(oneClick));
            s.StatusCodeShouldBe(200);
        });
        await Host.PublishAndWaitAsync(MailHelpers.Edition(32, ("Nog meer wonen", ["wonen"])));
        Assert.Equal(2, fixture.Sink.To(address).Count);
    }

    private static string AssertOneClickHeaders(MimeMessage message)
    {
        var header = message.Headers["List-Unsubscribe"];
        Assert.Matches("^<https://wijkengids.test/api/community/subscriptions/unsubscribe\\?token=[^>]+>$", header ?? "");
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        return header!.Trim('<', '>');
    }

    /// <summary>The last of exactly <paramref name="count"/> mails the sink received for the address, after the step that sent them was tracked.</summary>
    private MimeMessage Arrived(string address, int count)
    {
        var arrived = fixture.Sink.To(address);
        Assert.True(arrived.Count == count, $"{count} mail(s) via SMTP aan {address} verwacht, {arrived.Count} ontvangen");
        return arrived[count - 1];
    }
}

/// <summary>The host with an SMTP server that is not there: deliveries fail, are retried later and admins see why.</summary>
public sealed class SmtpDownFixture : HostFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = ClosedPort().ToString(),
        ["Smtp:Security"] = "none",
    };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class SmtpFailureTests(SmtpDownFixture fixture) : IClassFixture<SmtpDownFixture>
{
    [Fact]
    public async Task A_failed_delivery_is_recorded_and_visible_to_admins()
    {
        var host = fixture.Host;
        // Tracked until the first attempt failed and its retry is scheduled (half a minute later, so not yet made).
        await host.TrackedAsync(_ => host.Scenario(s =>
        {
            s.Post.Json(new { email = "onbereikbaar@example.nl" }).ToUrl("/api/community/subscriptions");
            s.StatusCodeShouldBe(202);
        }));
        var admin = await host.LoginAsRoleAsync("admin");
        var mailings = (await host.Scenario(s => { s.Get.Url("/api/community/mailings"); s.As(admin); })).ReadAsJson<JsonElement[]>();
        var json = Assert.Single(mailings.SelectMany(m => m.GetProperty("failures").EnumerateArray()),
            f => f.GetProperty("to").GetString() == "onbereikbaar@example.nl");
        Assert.Equal(1, json.GetProperty("attempts").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("error").GetString()));
        var page = (await host.Scenario(s => { s.Get.Url("/beheer/verzending"); s.As(admin); })).ReadAsText();
        Assert.Contains("onbereikbaar@example.nl", page);
    }
}
