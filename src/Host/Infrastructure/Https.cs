using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Wijkengids.Host.Infrastructure;

/// <summary>
/// Running behind a TLS proxy (docs/adr/0078): forwarded headers only from the proxies configured, HTTPS redirection
/// and HSTS when HTTPS is required (by default in Production), and cookies that only travel over HTTPS there.
/// </summary>
internal static class Https
{
    /// <summary>HTTPS is required in Production unless <c>Https:Required=false</c>; elsewhere only when set to true.</summary>
    public static bool Required(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Https:Required", environment.IsProduction());

    /// <summary>The sign-in and antiforgery cookies are Secure in Production (also when redirection is switched off) and whenever HTTPS is required.</summary>
    public static CookieSecurePolicy CookiePolicy(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsProduction() || Required(configuration, environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public static IServiceCollection AddProxyAndHttps(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options => ConfigureForwardedHeaders(options, configuration));
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddHttpsRedirection(options =>
        {
            options.HttpsPort = configuration.GetValue("Https:Port", 443);
            options.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
        });
        return services;
    }

    /// <summary>First in the pipeline: the client's address and scheme as the proxy saw them, then HSTS and the redirect to HTTPS.</summary>
    public static WebApplication UseProxyAndHttps(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!Required(app.Configuration, app.Environment)) return app;
        app.UseHsts();
        // Health probes of a load balancer or container runtime talk plain HTTP to the host itself.
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/health"), site => site.UseHttpsRedirection());
        return app;
    }

    /// <summary>
    /// X-Forwarded-For and X-Forwarded-Proto are honoured only from <c>ForwardedHeaders:KnownProxies</c> (addresses) and
    /// <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges); without either, from loopback only. Each is a list, or one
    /// comma-separated value. Through a chain of known proxies the first address that is not a known proxy is the client.
    /// </summary>
    internal static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = null;
        var proxies = ListOf(configuration, "ForwardedHeaders:KnownProxies");
        var networks = ListOf(configuration, "ForwardedHeaders:KnownNetworks");
        if (proxies.Count + networks.Count == 0) return;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: \"{proxy}\" is geen IP-adres."));
        }
        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                ? range
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: \"{network}\" is geen netwerk in CIDR-notatie (zoals 10.0.0.0/8)."));
        }
    }

    private static List<string> ListOf(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? "");
        return values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
    }
}
