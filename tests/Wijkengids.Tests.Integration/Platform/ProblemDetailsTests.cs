using System.Text;
using System.Text.Json;
using Alba;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>Every API failure is RFC 9457 problem details; no input produces a 500.</summary>
[Collection(SharedHosts.Platform)]
public sealed class ProblemDetailsTests(PlatformHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Theory]
    [InlineData("GET", "/api/bestaat-niet")]
    [InlineData("POST", "/api/content/nergens")]
    [InlineData("DELETE", "/api/community/accounts/niet-een-guid")]
    public async Task Unknown_api_path_is_404_problem(string method, string url)
    {
        var result = await Host.Scenario(s =>
        {
            s.ConfigureHttpContext(c =>
            {
                c.Request.Method = method;
                c.Request.Path = url;
            });
            s.StatusCodeShouldBe(404);
        });
        result.ShouldBeProblem(404);
    }

    [Theory]
    [InlineData("PUT", "/api/content/themes/00000000-0000-0000-0000-000000000000", "editor")]
    [InlineData("POST", "/api/content/themes/00000000-0000-0000-0000-000000000000/remove", "editor")]
    [InlineData("POST", "/api/content/items/00000000-0000-0000-0000-000000000000/submit", "editor")]
    [InlineData("POST", "/api/workshops/sessions/00000000-0000-0000-0000-000000000000/move", "organiser")]
    [InlineData("POST", "/api/workshops/sessions/00000000-0000-0000-0000-000000000000/cancel", "organiser")]
    [InlineData("POST", "/api/contributions/moderation/proposals/00000000-0000-0000-0000-000000000000/accept", "editor")]
    public async Task The_empty_guid_names_nothing_and_is_a_404_problem_not_a_500(string method, string url, string role)
    {
        var cookie = await Host.LoginAsRoleAsync(role);
        var result = await Host.Scenario(s =>
        {
            var body = "{\"expectedVersion\": 1, \"name\": \"x\", \"reason\": \"x\", \"startsAt\": \"2027-05-26T09:00\"}";
            if (method == "PUT") s.Put.Text(body).ToUrl(url); else s.Post.Text(body).ToUrl(url);
            s.WithRequestHeader("Content-Type", "application/json");
            s.As(cookie);
            s.StatusCodeShouldBe(404);
        });
        result.ShouldBeProblem(404);
    }

    [Theory]
    [InlineData("{bad json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"email\": 42, \"password\": {}}")]
    public async Task Malformed_json_is_400_problem(string body)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl("/api/auth/login");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });
        result.ShouldBeProblem(400);
    }

    [Fact]
    public async Task Validation_failure_is_400_with_dutch_field_errors()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { email = "geen-adres", displayName = "", password = "kort", roles = new[] { "koning" } })
                .ToUrl("/api/community/accounts"); s.As(admin);
            s.StatusCodeShouldBe(400);
        });
        var errors = result.ShouldBeProblem(400).GetProperty("errors");
        Assert.Equal("Vul een geldig e-mailadres in.", errors.GetProperty("email")[0].GetString());
        Assert.Equal("Vul een naam in.", errors.GetProperty("displayName")[0].GetString());
        Assert.Equal("Het wachtwoord moet minstens 12 tekens hebben.", errors.GetProperty("password")[0].GetString());
        Assert.StartsWith("Onbekende rol", errors.GetProperty("roles[0]")[0].GetString());
    }

    [Fact]
    public async Task Missing_body_is_400_problem()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var result = await Host.Scenario(s =>
        {
            s.Post.Url("/api/community/accounts"); s.As(admin);
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });
        result.ShouldBeProblem(400);
    }

    [Fact]
    public async Task Anonymous_on_an_admin_endpoint_is_401_problem_and_other_roles_403()
    {
        (await Host.Scenario(s =>
        {
            s.Get.Url("/api/community/accounts");
            s.StatusCodeShouldBe(401);
        })).ShouldBeProblem(401);

        foreach (var role in new[] { "editor", "contributor", "organiser", "funder", "auditor" })
        {
            var cookie = await Host.LoginAsRoleAsync(role);
            (await Host.Scenario(s =>
            {
                s.Get.Url("/api/community/accounts"); s.As(cookie);
                s.StatusCodeShouldBe(403);
            })).ShouldBeProblem(403);
        }
    }

    [Fact]
    public async Task Duplicate_email_is_409_problem()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { email = "EDITOR@wijkengids.test", displayName = "Dubbel", password = "een-lang-wachtwoord", roles = Array.Empty<string>() })
                .ToUrl("/api/community/accounts"); s.As(admin);
            s.StatusCodeShouldBe(409);
        });
        Assert.Contains("bestaat al", result.ShouldBeProblem(409).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_account_is_404_problem()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        (await Host.Scenario(s =>
        {
            s.Get.Url($"/api/community/accounts/{Guid.NewGuid()}"); s.As(admin);
            s.StatusCodeShouldBe(404);
        })).ShouldBeProblem(404);
    }

    [Fact]
    public async Task Stale_version_is_409_problem_and_changes_nothing()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var account = await CreateAccountAsync(admin, Unique.Email("stale"));
        var id = account.GetProperty("id").GetString();
        var version = account.GetProperty("version").GetInt64();

        await Host.Scenario(s =>
        {
            s.Put.Json(new { roles = new[] { "editor" }, expectedVersion = version }).ToUrl($"/api/community/accounts/{id}/roles"); s.As(admin);
            s.StatusCodeShouldBe(200);
        });
        var stale = await Host.Scenario(s =>
        {
            s.Put.Json(new { roles = new[] { "funder" }, expectedVersion = version }).ToUrl($"/api/community/accounts/{id}/roles"); s.As(admin);
            s.StatusCodeShouldBe(409);
        });
        stale.ShouldBeProblem(409);

        var now = (await Host.Scenario(s => { s.Get.Url($"/api/community/accounts/{id}"); s.As(admin); })).ReadAsJson<JsonElement>();
        Assert.Equal(["editor"], now.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task Concurrent_changes_with_the_same_version_give_one_success_and_one_409()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var account = await CreateAccountAsync(admin, Unique.Email("race"));
        var id = account.GetProperty("id").GetString();
        var version = account.GetProperty("version").GetInt64();

        Task<IScenarioResult> Change(string role) => Host.Scenario(s =>
        {
            s.Put.Json(new { roles = new[] { role }, expectedVersion = version }).ToUrl($"/api/community/accounts/{id}/roles"); s.As(admin);
            s.IgnoreStatusCode();
        });
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Change(i % 2 == 0 ? "editor" : "funder")));
        var statuses = results.Select(r => r.Context.Response.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == 200));
        Assert.All(statuses.Where(s => s != 200), s => Assert.Equal(409, s));
        foreach (var conflict in results.Where(r => r.Context.Response.StatusCode == 409)) conflict.ShouldBeProblem(409);
    }

    [Fact]
    public async Task Unsupported_content_type_is_a_4xx_problem_not_a_500()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Text("email=a&password=b").ToUrl("/api/auth/login");
            s.WithRequestHeader("Content-Type", "application/x-www-form-urlencoded");
            s.IgnoreStatusCode();
        });
        Assert.InRange(result.Context.Response.StatusCode, 400, 499);
        result.ShouldBeProblem(result.Context.Response.StatusCode);
    }

    [Fact]
    public async Task Oversized_and_odd_inputs_never_give_500()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var huge = new string('x', 100_000);
        var bodies = new object[]
        {
            new { email = huge, displayName = huge, password = huge, roles = new[] { huge } },
            new { email = "a@b.nl", displayName = "\u0000\u202e", password = "een-lang-wachtwoord", roles = (string[]?)null },
            new { },
        };
        foreach (var body in bodies)
        {
            var result = await Host.Scenario(s =>
            {
                s.Post.Json(body).ToUrl("/api/community/accounts"); s.As(admin);
                s.IgnoreStatusCode();
            });
            Assert.InRange(result.Context.Response.StatusCode, 200, 499);
        }
    }

    private async Task<JsonElement> CreateAccountAsync(string admin, string email) =>
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { email, displayName = "Test Persoon", password = "een-lang-wachtwoord", roles = new[] { "contributor" } })
                .ToUrl("/api/community/accounts"); s.As(admin);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>();
}

public sealed class LoginRateLimitFixture : HostFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:LoginPerMinute"] = "3" };
}

public sealed class LoginRateLimitTests(LoginRateLimitFixture fixture) : IClassFixture<LoginRateLimitFixture>
{
    [Fact]
    public async Task Too_many_login_attempts_get_429_problem_with_retry_after()
    {
        for (var i = 0; i < 3; i++)
        {
            await fixture.Host.Scenario(s =>
            {
                s.Post.Json(new { email = "editor@wijkengids.test", password = "fout" }).ToUrl("/api/auth/login");
                s.StatusCodeShouldBe(401);
            });
        }
        var limited = await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new { email = "editor@wijkengids.test", password = "fout" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(429);
        });
        limited.ShouldBeProblem(429);
        Assert.False(string.IsNullOrEmpty(limited.Context.Response.Headers.RetryAfter.ToString()));
    }
}
