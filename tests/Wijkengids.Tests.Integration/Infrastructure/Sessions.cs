using System.Net;
using Alba;
using Wijkengids.Community.Contracts;

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

    public static Scenario As(this Scenario scenario, string cookie)
    {
        scenario.WithRequestHeader("Cookie", cookie);
        return scenario;
    }
}
