using System.Text.Json;
using Alba;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Platform;

[Collection(SharedHosts.Platform)]
public sealed class WebTests(PlatformHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task Home_page_introduces_the_guide_in_dutch()
    {
        var html = (await Host.Scenario(s => s.Get.Url("/"))).ReadAsText();
        Assert.Contains("<html lang=\"nl\">", html);
        Assert.Contains("href=\"#inhoud\"", html);
        Assert.Contains("De wijkengids?", html);
        Assert.Contains("minister Spies (BZK) op 4 april 2012", html);
        Assert.Contains("<footer", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task Unknown_page_is_a_friendly_dutch_404()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/deze-pagina-bestaat-niet");
            s.StatusCodeShouldBe(404);
        });
        Assert.Contains("Niet gevonden", result.ReadAsText());
        Assert.StartsWith("text/html", result.Context.Response.ContentType);
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        await Host.Scenario(s => { s.Get.Url("/health/live"); s.StatusCodeShouldBe(200); });
        var ready = await Host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBe(200); });
        Assert.Equal("Healthy", ready.ReadAsText());
    }

    [Fact]
    public async Task OpenApi_document_describes_every_endpoint_tagged_by_module_with_problem_responses()
    {
        var doc = (await Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsJson<JsonElement>();
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/auth/login", "/api/auth/logout", "/api/auth/me", "/api/community/accounts", "/api/audit/timeline" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} ontbreekt in OpenAPI");
        }
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var tags = operation.Value.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
                Assert.Single(tags);
                Assert.Contains(tags[0], new[] { "Content", "Contributions", "Community", "Workshops", "Audit" });
                var responses = operation.Value.GetProperty("responses");
                Assert.True(responses.TryGetProperty("500", out var problem), $"{path.Name} mist 500");
                Assert.True(problem.GetProperty("content").TryGetProperty("application/problem+json", out _));
                // One transformer documents the problems from what the endpoint is (no module declares them).
                var expected = new List<string> { "500", "503" };
                if (path.Name.Contains('{')) expected.Add("404");
                if (operation.Name is "post" or "put" or "patch" or "delete") expected.AddRange(["409", "422"]);
                if (path.Name == "/api/contributions/reactions" && operation.Name == "post") expected.Add("429"); // rate limited
                foreach (var status in expected)
                {
                    Assert.True(responses.TryGetProperty(status, out var response), $"{operation.Name} {path.Name} mist {status}");
                    Assert.True(response.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _),
                        $"{operation.Name} {path.Name}: {status} is geen problem+json");
                }
            }
        }
        var login = paths.GetProperty("/api/auth/login").GetProperty("post");
        Assert.True(login.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(login.GetProperty("responses").TryGetProperty("429", out _));
    }

    [Fact]
    public async Task Scalar_api_reference_is_served_from_local_assets()
    {
        var result = await Host.Scenario(s => s.Get.Url("/scalar/"));
        var html = result.ReadAsText();
        Assert.DoesNotContain("cdn.", html);
        Assert.DoesNotContain("https://", html.Replace("https://tools.ietf.org", ""));
    }

    [Fact]
    public async Task Stylesheet_is_served_locally()
    {
        var css = await Host.Scenario(s => s.Get.Url("/css/site.css"));
        Assert.Contains("skip-link", css.ReadAsText());
    }
}
