using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Audit;

/// <summary>
/// Auditors read only, and only auditors (and admins) read: every audit endpoint and page, found by enumerating the
/// host's routes (so a new one is covered without editing this test), refuses every other role and anonymous visitors.
/// Looking is itself recorded.
/// </summary>
[Collection(SharedHosts.Audit)]
public sealed class AuditAuthorizationTests(AuditHost fixture)
{
    private static readonly string[] OtherRoles = ["editor", "contributor", "organiser", "funder", "admin"];

    /// <summary>The one public audit address: the day checkpoints, meant for outsiders.</summary>
    private const string PublicCheckpoints = "/api/audit/checkpoints";

    private IAlbaHost Host => fixture.Host;

    private (List<(string Method, string Url)> Api, List<string> Pages) AuditRoutes()
    {
        var api = new List<(string, string)>();
        var pages = new List<string>();
        foreach (var endpoint in Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var url = System.Text.RegularExpressions.Regex.Replace(pattern, "{[^}]+}", Guid.NewGuid().ToString());
            if (pattern.StartsWith("/api/audit", StringComparison.OrdinalIgnoreCase))
            {
                if (pattern == PublicCheckpoints) continue;
                foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]) api.Add((method, url));
            }
            else if (pattern.StartsWith("/audit", StringComparison.OrdinalIgnoreCase) && !pattern.Contains("Index", StringComparison.Ordinal))
            {
                pages.Add(url);
            }
        }
        return (api.Distinct().ToList(), pages.Distinct().ToList());
    }

    private static void Call(Scenario s, string method, string url)
    {
        switch (method)
        {
            case "GET": s.Get.Url(url); break;
            case "POST": s.Post.Json(new { }).ToUrl(url); break;
            case "PUT": s.Put.Json(new { }).ToUrl(url); break;
            case "DELETE": s.Delete.Json(new { }).ToUrl(url); break;
            default: s.Patch.Json(new { }).ToUrl(url); break;
        }
    }

    [Fact]
    public void The_audit_routes_are_found_and_only_the_checkpoints_are_public()
    {
        var (api, pages) = AuditRoutes();
        Assert.Contains(("GET", "/api/audit/timeline"), api);
        Assert.Contains(("GET", "/api/audit/verify"), api);
        Assert.Contains("/audit", pages);
        Assert.Contains("/audit/verificatie", pages);
        var anonymous = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/audit", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'));
        Assert.Equal([PublicCheckpoints], anonymous);
    }

    [Fact]
    public async Task Every_audit_api_endpoint_refuses_every_other_role_and_anonymous_visitors_with_problem_details()
    {
        var (api, _) = AuditRoutes();
        foreach (var role in OtherRoles)
        {
            var cookie = await Host.LoginAsRoleAsync(role);
            foreach (var (method, url) in api)
            {
                var result = await Host.Scenario(s =>
                {
                    Call(s, method, url);
                    s.As(cookie);
                    s.StatusCodeShouldBe(403);
                });
                Assert.Equal("Geen toegang", result.ShouldBeProblem(403).GetProperty("title").GetString());
            }
        }
        foreach (var (method, url) in api)
        {
            var result = await Host.Scenario(s =>
            {
                Call(s, method, url);
                s.StatusCodeShouldBe(401);
            });
            result.ShouldBeProblem(401);
        }
    }

    [Fact]
    public async Task Every_audit_page_sends_other_roles_to_the_no_access_page_and_anonymous_visitors_to_sign_in()
    {
        var (_, pages) = AuditRoutes();
        foreach (var role in OtherRoles)
        {
            var cookie = await Host.LoginAsRoleAsync(role);
            foreach (var url in pages)
            {
                var result = await Host.Scenario(s =>
                {
                    s.Get.Url(url); s.As(cookie);
                    s.StatusCodeShouldBe(302);
                });
                Assert.Equal("/geen-toegang", new Uri(new Uri("http://localhost"), result.Context.Response.Headers.Location.ToString()).AbsolutePath);
            }
        }
        foreach (var url in pages)
        {
            var result = await Host.Scenario(s => { s.Get.Url(url); s.StatusCodeShouldBe(302); });
            Assert.Contains("/inloggen", result.Context.Response.Headers.Location.ToString());
        }
    }

    [Fact]
    public async Task Auditors_get_in_and_nothing_is_refused_to_them()
    {
        var (api, pages) = AuditRoutes();
        foreach (var role in new[] { "auditor" })
        {
            var cookie = await Host.LoginAsRoleAsync(role);
            foreach (var (method, url) in api)
            {
                var result = await Host.Scenario(s => { Call(s, method, url); s.As(cookie); s.IgnoreStatusCode(); });
                Assert.DoesNotContain(result.Context.Response.StatusCode, new[] { 401, 403, 500 });
            }
            foreach (var url in pages)
            {
                await Host.Scenario(s => { s.Get.Url(url); s.As(cookie); s.StatusCodeShouldBe(200); });
            }
        }
    }

    [Fact]
    public async Task Every_search_verification_and_actor_lookup_is_recorded_with_who_and_what()
    {
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var auditorId = (await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(auditor); })).ReadAsJson<JsonElement>().GetProperty("id").GetString();
        var correlation = "kijken-" + Guid.NewGuid().ToString("N");
        var looked = Guid.NewGuid();
        await Host.Scenario(s =>
        {
            s.Get.Url($"/api/audit/timeline?item={looked}&module=community&from=2026-01-01"); s.As(auditor);
            s.WithRequestHeader("X-Correlation-Id", correlation);
        });
        await Host.Scenario(s => { s.Get.Url($"/audit?actor={looked}"); s.As(auditor); s.WithRequestHeader("X-Correlation-Id", correlation); });
        await Host.Scenario(s => { s.Get.Url("/api/audit/verify?from=1&to=3"); s.As(auditor); s.WithRequestHeader("X-Correlation-Id", correlation); });
        await Host.Scenario(s =>
        {
            s.Get.Url($"/api/audit/actors/{looked}"); s.As(auditor); s.WithRequestHeader("X-Correlation-Id", correlation);
            s.StatusCodeShouldBe(404);
        });

        var trail = await Host.TimelineWhenAsync(auditor, $"correlationId={correlation}&order=oldest",
            t => t.Entries.Length == 4 && t.Entries.All(e => e.GetProperty("actorName").GetString() == "Anna Auditor"));
        Assert.Equal(
        [
            $"Audittijdlijn doorzocht (item {looked}, module community, periode 1-1-2026 t/m nu)",
            $"Audittijdlijn doorzocht (actor {looked})",
            "Hashketen gecontroleerd (posities 1 t/m 3)",
            $"Actor {looked} opgezocht in de audit",
        ], trail.Descriptions);
        Assert.All(trail.Entries, e =>
        {
            Assert.Equal("audit", e.GetProperty("module").GetString());
            Assert.Equal(auditorId, e.GetProperty("actor").GetString());
            Assert.Equal("Anna Auditor", e.GetProperty("actorName").GetString());
        });
    }
}
