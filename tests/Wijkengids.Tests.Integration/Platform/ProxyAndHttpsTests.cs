using System.Net;
using Alba;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Accounts;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>Production behind a TLS proxy at 10.0.0.5: HTTPS redirect and HSTS, Secure cookies, rate limits per forwarded client (docs/adr/0078).</summary>
public sealed class ProxyFixture : HostFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["environment"] = "Production",
        ["ForwardedHeaders:KnownProxies"] = ProxyAndHttpsTests.Proxy,
        ["RateLimits:LoginPerMinute"] = "2",
    };
}

public sealed class ProxyAndHttpsTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    public const string Proxy = "10.0.0.5";
    private const string Site = "wijkengids.example";

    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task Plain_http_is_redirected_to_https_and_health_probes_are_not()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/privacy?x=1");
            From(s, "192.0.2.10");
            s.StatusCodeShouldBe(308);
        });
        Assert.Equal($"https://{Site}/privacy?x=1", result.Context.Response.Headers.Location.ToString());
        Assert.False(result.Context.Response.Headers.ContainsKey("Strict-Transport-Security"));

        await Host.Scenario(s =>
        {
            s.Get.Url("/health/live");
            From(s, "192.0.2.10");
            s.StatusCodeShouldBe(200);
        });
    }

    [Fact]
    public async Task Https_through_the_configured_proxy_is_served_with_hsts()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/privacy");
            From(s, Proxy, forwardedFor: "198.51.100.7", forwardedProto: "https");
            s.StatusCodeShouldBe(200);
        });
        Assert.Equal("max-age=31536000", result.Context.Response.Headers.StrictTransportSecurity.ToString());
    }

    [Fact]
    public async Task The_forwarded_scheme_of_an_unconfigured_proxy_is_ignored()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/privacy");
            From(s, "10.9.9.9", forwardedFor: "198.51.100.7", forwardedProto: "https");
            s.StatusCodeShouldBe(308);
        });
        Assert.StartsWith("https://", result.Context.Response.Headers.Location.ToString());
    }

    [Fact]
    public async Task The_sign_in_and_antiforgery_cookies_are_secure()
    {
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new OpenAccount("veilig@example.nl", "Veilig Iemand", "een-lang-wachtwoord", ["contributor"]));
        }
        var page = await Host.Scenario(s =>
        {
            s.Get.Url("/inloggen");
            From(s, Proxy, forwardedFor: "198.51.100.20", forwardedProto: "https");
        });
        var antiforgery = page.Context.Response.Headers.SetCookie.ToString();
        Assert.Contains("wijkengids.af=", antiforgery);
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        var login = await Host.Scenario(s =>
        {
            s.Post.Json(new { email = "veilig@example.nl", password = "een-lang-wachtwoord" }).ToUrl("/api/auth/login");
            From(s, Proxy, forwardedFor: "198.51.100.20", forwardedProto: "https");
            s.StatusCodeShouldBe(204);
        });
        var cookie = login.Context.Response.Headers.SetCookie.ToString();
        Assert.Contains("wijkengids.auth=", cookie);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Rate_limits_count_per_forwarded_client_and_an_unconfigured_proxy_counts_as_one_client()
    {
        // Two sign-in attempts per client per minute in this host.
        for (var i = 0; i < 2; i++) await LoginAsync(Proxy, "203.0.113.1", HttpStatusCode.Unauthorized);
        await LoginAsync(Proxy, "203.0.113.1", HttpStatusCode.TooManyRequests);
        // Another client behind the same proxy has its own limit; so does a client that named a false address before the proxy's.
        await LoginAsync(Proxy, "203.0.113.2", HttpStatusCode.Unauthorized);
        await LoginAsync(Proxy, "203.0.113.1, 203.0.113.3", HttpStatusCode.Unauthorized);

        // Headers from a proxy nobody configured are ignored: every "client" behind it is that one address.
        await LoginAsync("10.9.9.8", "203.0.113.4", HttpStatusCode.Unauthorized);
        await LoginAsync("10.9.9.8", "203.0.113.5", HttpStatusCode.Unauthorized);
        await LoginAsync("10.9.9.8", "203.0.113.6", HttpStatusCode.TooManyRequests);
    }

    private Task LoginAsync(string remote, string forwardedFor, HttpStatusCode expected) =>
        Host.Scenario(s =>
        {
            s.Post.Json(new { email = "niemand@example.nl", password = "niet-het-goede-wachtwoord" }).ToUrl("/api/auth/login");
            // TLS ends at the host itself for the unconfigured proxy, so the redirect does not come first.
            From(s, remote, forwardedFor, forwardedProto: remote == Proxy ? "https" : null, https: remote != Proxy);
            s.StatusCodeShouldBe(expected);
        });

    private static void From(Scenario s, string remote, string? forwardedFor = null, string? forwardedProto = null, bool https = false)
    {
        s.ConfigureHttpContext(http =>
        {
            http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            http.Request.Host = new HostString(Site);
            http.Request.Scheme = https ? "https" : "http";
        });
        if (forwardedFor is not null) s.WithRequestHeader("X-Forwarded-For", forwardedFor);
        if (forwardedProto is not null) s.WithRequestHeader("X-Forwarded-Proto", forwardedProto);
    }
}
