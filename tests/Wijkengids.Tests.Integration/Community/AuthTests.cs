using System.Net;
using System.Text.Json;
using Alba;
using Wijkengids.Community.Contracts;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

[Collection(SharedHosts.Community)]
public sealed class AuthTests(CommunityHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    public static TheoryData<string, string> Accounts()
    {
        var data = new TheoryData<string, string>();
        foreach (var (email, role, _) in DevAccounts.All) data.Add(email, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Every_dev_account_signs_in_with_its_role(string email, string role)
    {
        var cookie = await Host.LoginAsync(email);
        var me = await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); });
        var json = me.ReadAsJson<JsonElement>();
        Assert.Equal(email, json.GetProperty("email").GetString());
        Assert.Equal([role], json.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task Wrong_password_is_401_problem_and_sets_no_cookie()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { email = "editor@wijkengids.test", password = "fout-wachtwoord" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });
        result.ShouldBeProblem(401);
        Assert.DoesNotContain("wijkengids.auth=", result.Context.Response.Headers.SetCookie.ToString());
    }

    [Fact]
    public async Task Unknown_email_is_the_same_401()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { email = "niemand@wijkengids.test", password = "wat-dan-ook-123" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });
        Assert.Equal("Inloggen mislukt", result.ShouldBeProblem(401).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Me_without_cookie_is_401_problem()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/auth/me");
            s.StatusCodeShouldBe(401);
        });
        result.ShouldBeProblem(401);
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        var cookie = await Host.LoginAsRoleAsync("contributor");
        var logout = await Host.Scenario(s =>
        {
            s.Post.Json(new { }).ToUrl("/api/auth/logout"); s.As(cookie);
            s.StatusCodeShouldBe(204);
        });
        // The cookie is expired on the client; the browser would drop it.
        Assert.Contains("expires=Thu, 01 Jan 1970", logout.Context.Response.Headers.SetCookie.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Admin_creates_an_account_that_can_sign_in_with_its_roles()
    {
        var email = $"Nieuwe.Redacteur-{Guid.NewGuid():N}@Example.nl";
        var admin = await Host.LoginAsRoleAsync("admin");
        await Host.Scenario(s =>
        {
            s.Post.Json(new { email, displayName = "Nieuwe Redacteur", password = "een-lang-wachtwoord", roles = new[] { "editor", "auditor" } })
                .ToUrl("/api/community/accounts"); s.As(admin);
            s.StatusCodeShouldBe(201);
        });
        var cookie = await Host.LoginAsync(email.ToLowerInvariant(), "een-lang-wachtwoord");
        var me = (await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); })).ReadAsJson<JsonElement>();
        Assert.Equal(["auditor", "editor"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).Order().ToArray());
    }

    [Fact]
    public async Task Deactivated_account_cannot_sign_in_and_its_open_session_ends()
    {
        var weg = Unique.Email("weg");
        var admin = await Host.LoginAsRoleAsync("admin");
        var created = (await Host.Scenario(s =>
        {
            s.Post.Json(new { email = weg, displayName = "Straks Weg", password = "een-lang-wachtwoord", roles = new[] { "contributor" } })
                .ToUrl("/api/community/accounts"); s.As(admin);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        var id = created.GetProperty("id").GetString();
        var session = await Host.LoginAsync(weg, "een-lang-wachtwoord");

        await Host.Scenario(s =>
        {
            s.Post.Json(new { reason = "vertrokken" }).ToUrl($"/api/community/accounts/{id}/deactivate"); s.As(admin);
            s.StatusCodeShouldBe(200);
        });

        await Host.Scenario(s =>
        {
            s.Get.Url("/api/auth/me"); s.As(session);
            s.StatusCodeShouldBe(401);
        });
        await Host.Scenario(s =>
        {
            s.Post.Json(new { email = weg, password = "een-lang-wachtwoord" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task Role_change_takes_effect_on_the_open_session()
    {
        var wissel = Unique.Email("wissel");
        var admin = await Host.LoginAsRoleAsync("admin");
        var created = (await Host.Scenario(s =>
        {
            s.Post.Json(new { email = wissel, displayName = "Wissel Rol", password = "een-lang-wachtwoord", roles = new[] { "contributor" } })
                .ToUrl("/api/community/accounts"); s.As(admin);
        s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
        var session = await Host.LoginAsync(wissel, "een-lang-wachtwoord");
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/audit/timeline"); s.As(session);
            s.StatusCodeShouldBe(403);
        });

        await Host.Scenario(s =>
        {
            s.Put.Json(new { roles = new[] { "auditor" }, expectedVersion = created.GetProperty("version").GetInt64(), reason = "wordt auditor" })
                .ToUrl($"/api/community/accounts/{created.GetProperty("id").GetString()}/roles"); s.As(admin);
            s.StatusCodeShouldBe(200);
        });
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/audit/timeline"); s.As(session);
            s.StatusCodeShouldBe(200);
        });
    }

    [Fact]
    public async Task Sign_in_page_signs_in_with_antiforgery_and_rejects_a_post_without_token()
    {
        var page = await Host.Scenario(s => s.Get.Url("/inloggen"));
        var html = page.ReadAsText();
        Assert.Contains("<html lang=\"nl\">", html);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var antiforgeryCookie = page.Context.Response.Headers.SetCookie.ToString().Split(';')[0];

        var ok = await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["Email"] = "editor@wijkengids.test", ["Password"] = DevAccounts.Password, ["__RequestVerificationToken"] = token,
            }).ToUrl("/inloggen");
            s.WithRequestHeader("Cookie", antiforgeryCookie);
            s.StatusCodeShouldBe(HttpStatusCode.Redirect);
        });
        Assert.Contains("wijkengids.auth=", ok.Context.Response.Headers.SetCookie.ToString());

        await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["Email"] = "editor@wijkengids.test", ["Password"] = DevAccounts.Password })
                .ToUrl("/inloggen");
            s.StatusCodeShouldBe(400);
        });
    }
}
