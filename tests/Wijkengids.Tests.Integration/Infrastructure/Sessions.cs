using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Wijkengids.Community.Contracts;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests;

/// <summary>Signing in through the real API and carrying the cookie into later scenarios.</summary>
public static class Sessions
{
    public static async Task<string> LoginAsync(this IAlbaHost host, string email, string password = DevAccounts.Password)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(new { email, password }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(HttpStatusCode.NoContent);
        });
        var cookie = result.Context.Response.Headers.SetCookie.ToString();
        Assert.Contains("wijkengids.auth=", cookie);
        return cookie.Split(';')[0];
    }

    public static Task<string> LoginAsRoleAsync(this IAlbaHost host, string role) =>
        host.LoginAsync(DevAccounts.All.Single(a => a.Role == role).Email);

    /// <summary>
    /// The admin opens a contributor account and waits until every message it sends (the name for Audit) has been handled;
    /// returns its id and a sign-in cookie of it.
    /// </summary>
    public static async Task<(string Id, string Cookie)> OpenContributorAsync(this IAlbaHost host, string name, string email,
        string password = "een-lang-wachtwoord")
    {
        var admin = await host.LoginAsRoleAsync("admin");
        var created = (await host.TrackedAsync(() => host.Scenario(s =>
        {
            s.Post.Json(new { email, displayName = name, password, roles = new[] { "contributor" } })
                .ToUrl("/api/community/accounts"); s.As(admin);
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        }))).ReadAsJson<JsonElement>();
        return (created.GetProperty("id").GetString()!, await host.LoginAsync(email, password));
    }

    /// <summary>A page signed in with the cookie: its HTML, the antiforgery token its forms carry and the cookie that goes with it.</summary>
    public static async Task<(string Html, string Token, string AntiforgeryCookie)> FormTokenAsync(this IAlbaHost host, string url, string cookie)
    {
        var page = await host.Scenario(s => { s.Get.Url(url); s.As(cookie); });
        var html = page.ReadAsText();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        return (html, token, page.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0])
            .Single(c => c.StartsWith("wijkengids.af=", StringComparison.Ordinal)));
    }

    public static Scenario As(this Scenario scenario, string cookie)
    {
        scenario.WithRequestHeader("Cookie", cookie);
        return scenario;
    }
}
