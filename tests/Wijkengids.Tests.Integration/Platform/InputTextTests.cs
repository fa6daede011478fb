using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Tests.Integration.Audit;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>
/// Text that no field may hold (U+0000 and the other control characters, lone surrogates) is refused at the edge with
/// a Dutch 400 naming the field, for every endpoint, before anything is written (docs/adr/0086).
/// </summary>
public sealed class InputTextTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private IAlbaHost Host => fixture.Host;

    private const string Nul = "tekst\u0000met nul";

    /// <summary>Every event and every sequence number: a refused request writes neither an event nor a tombstone.</summary>
    private Task<long[]> WrittenAsync() => Task.WhenAll(
        Host.ScalarAsync<long>("select count(*) from events.mt_events"),
        Host.ScalarAsync<long>("select coalesce(max(seq_id), 0) from events.mt_events"));

    /// <summary>Every API endpoint that changes something, as the endpoint data source lists them (so new ones are covered).</summary>
    private List<(string Method, RouteEndpoint Endpoint)> ChangingApiEndpoints() =>
        Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal) && !raw.Contains("{**"))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE").Select(m => (m, e)))
            .ToList();

    /// <summary>The address of an endpoint with a new id for every guid and "voorbeeld" for every other parameter.</summary>
    private static string UrlOf(RouteEndpoint endpoint, string? text = null) =>
        Regex.Replace(endpoint.RoutePattern.RawText!, @"\{([^}:?]+)(:[^}?]+)?\??\}", m =>
            m.Groups[2].Value.Contains("guid") ? Guid.NewGuid().ToString()
            : m.Groups[2].Value.Contains("int") || m.Groups[2].Value.Contains("long") ? "1"
            : Uri.EscapeDataString(text ?? "voorbeeld"));

    /// <summary>
    /// The body an endpoint reads, with U+0000 in each of its text fields; a body type without text (or an endpoint that
    /// reads no typed body) gets a field of its own: the check reads every string of every JSON body.
    /// </summary>
    private static (Dictionary<string, object?> Body, string Field) BodyWithNul(RouteEndpoint endpoint)
    {
        var type = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var texts = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.CanWrite || p.PropertyType == typeof(string) && type.GetConstructors().Any(c => c.GetParameters().Any(a => a.Name == p.Name)))
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList() ?? [];
        if (texts.Count == 0) return (new() { ["tekst"] = Nul }, "tekst");
        return (texts.ToDictionary(t => t, object? (_) => Nul), texts[0]);
    }

    [Fact]
    public async Task Every_changing_api_endpoint_refuses_u0000_in_its_body_with_a_dutch_400_and_writes_nothing()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var endpoints = ChangingApiEndpoints();
        var covered = endpoints.Select(e => e.Endpoint.RoutePattern.RawText!.TrimEnd('/')).ToHashSet();
        // The endpoints issue 13 found answering 500 are among them (a sanity check of the enumeration itself).
        foreach (var known in new[]
                 {
                     "/api/auth/login", "/api/community/registrations", "/api/contributions/reactions", "/api/contributions/proposals",
                     "/api/content/items", "/api/content/themes", "/api/workshops/bookings", "/api/community/people",
                     "/api/community/subscriptions", "/api/community/accounts", "/api/workshops/formats", "/api/workshops/sessions",
                 })
        {
            Assert.Contains(known, covered);
        }
        Assert.Contains(covered, c => c.StartsWith("/api/workshops/plans", StringComparison.Ordinal) || c.Contains("/plan", StringComparison.Ordinal));

        var failures = new List<string>();
        var before = await WrittenAsync();
        foreach (var (method, endpoint) in endpoints)
        {
            var (body, field) = BodyWithNul(endpoint);
            var url = UrlOf(endpoint);
            var result = await Host.Scenario(s =>
            {
                s.Post.Json(body).ToUrl(url);
                s.ConfigureHttpContext(c => c.Request.Method = method);
                s.As(admin);
                s.IgnoreStatusCode();
            });
            var response = result.Context.Response;
            if (response.StatusCode != 400 || response.ContentType?.StartsWith("application/problem+json") != true)
            {
                failures.Add($"{method} {url}: {response.StatusCode} {result.ReadAsText()}");
                continue;
            }
            var problem = result.ReadAsJson<JsonElement>();
            var detail = problem.GetProperty("detail").GetString();
            if (detail != $"Het veld '{field}' bevat een teken dat niet is toegestaan (U+0000).")
            {
                failures.Add($"{method} {url}: {detail}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await WrittenAsync());
        Assert.True(endpoints.Count >= 30, $"Maar {endpoints.Count} eindpunten gevonden.");
    }

    [Fact]
    public async Task Anonymous_login_and_registration_with_u0000_are_400_problems_naming_the_field_not_500()
    {
        var before = await WrittenAsync();
        var login = (await Host.Scenario(s =>
        {
            s.Post.Json(new { email = "admin@wijkengids.test\u0000", password = "x" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(400);
        })).ShouldBeProblem(400);
        Assert.Equal("Het veld 'email' bevat een teken dat niet is toegestaan (U+0000).", login.GetProperty("detail").GetString());
        Assert.Equal("Het veld 'email' bevat een teken dat niet is toegestaan (U+0000).", login.GetProperty("errors").GetProperty("email")[0].GetString());
        Assert.False(string.IsNullOrEmpty(login.GetProperty("correlationId").GetString()));

        // Other control characters, at any depth and in property names, lone surrogates (raw JSON: the escapes stay as sent).
        foreach (var (json, detail) in new[]
                 {
                     ("""{"email":"a@example.nl","displayName":"Bel\u0007","password":"een-lang-wachtwoord"}""", "Het veld 'displayName' bevat een teken dat niet is toegestaan (U+0007)."),
                     ("""{"email":"a@example.nl","displayName":"Del\u007f","password":"een-lang-wachtwoord"}""", "Het veld 'displayName' bevat een teken dat niet is toegestaan (U+007F)."),
                     ("""{"email":"a@example.nl","displayName":"C1\u0085","password":"een-lang-wachtwoord"}""", "Het veld 'displayName' bevat een teken dat niet is toegestaan (U+0085)."),
                     ("""{"email":"a@example.nl","displayName":"Half \ud800","password":"een-lang-wachtwoord"}""", "Het veld 'displayName' bevat een teken dat niet is toegestaan (geen geldige Unicode-tekst)."),
                     ("""{"email":"a@example.nl","extra":{"lijst":["goed","fout\u001b"]},"password":"een-lang-wachtwoord"}""", "Het veld 'extra.lijst[1]' bevat een teken dat niet is toegestaan (U+001B)."),
                     ("""{"email":"a@example.nl","na\u0000am":"x","password":"een-lang-wachtwoord"}""", "Het veld 'na?am' bevat een teken dat niet is toegestaan (U+0000)."),
                 })
        {
            var problem = (await Host.Scenario(s =>
            {
                s.Post.RawJson(json).ToUrl("/api/community/registrations");
                s.StatusCodeShouldBe(400);
            })).ShouldBeProblem(400);
            Assert.Equal(detail, problem.GetProperty("detail").GetString());
        }
        Assert.Equal(before, await WrittenAsync());
    }

    [Fact]
    public async Task Query_string_and_route_values_with_u0000_are_400_problems()
    {
        var query = (await Host.Scenario(s => { s.Get.Url("/api/content/search?q=wijk%00aanpak"); s.StatusCodeShouldBe(400); })).ShouldBeProblem(400);
        Assert.Equal("Het veld 'q' bevat een teken dat niet is toegestaan (U+0000).", query.GetProperty("detail").GetString());
        // (U+0000 in the path never reaches routing: the server refuses a path with null characters.)
        var route = (await Host.Scenario(s => { s.Get.Url("/api/content/lessons/les%01een"); s.StatusCodeShouldBe(400); })).ShouldBeProblem(400);
        Assert.Equal("Het veld 'slug' bevat een teken dat niet is toegestaan (U+0001).", route.GetProperty("detail").GetString());
        // A page's query string: the site's Dutch 400 page.
        var page = (await Host.Scenario(s => { s.Get.Url("/zoeken?q=wijk%00aanpak"); s.StatusCodeShouldBe(400); })).ReadAsText();
        Assert.Contains("<html lang=\"nl\">", page);
        Assert.Contains("Het veld &#x27;q&#x27; bevat een teken dat niet is toegestaan (U&#x2B;0000).", page);
    }

    [Fact]
    public async Task A_form_post_with_u0000_gets_the_dutch_400_page_naming_the_field_and_writes_nothing()
    {
        var form = await Host.Scenario(s => s.Get.Url("/reageren"));
        var token = Regex.Match(form.ReadAsText(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var antiforgery = form.Context.Response.Headers.SetCookie.ToString().Split(';')[0];
        var before = await WrittenAsync();

        var result = await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["Name"] = "Nina Nul", ["Email"] = "nina@example.nl", ["Message"] = "Een reactie met\u0000een nul.", ["Consent"] = "true",
                ["__RequestVerificationToken"] = token,
            }).ToUrl("/reageren");
            s.WithRequestHeader("Cookie", antiforgery);
            s.StatusCodeShouldBe(400);
        });
        var html = result.ReadAsText();
        Assert.StartsWith("text/html", result.Context.Response.ContentType);
        Assert.Contains("<html lang=\"nl\">", html);
        Assert.Contains("Het veld &#x27;Message&#x27; bevat een teken dat niet is toegestaan (U&#x2B;0000).", html);
        Assert.Contains("haal het teken weg", html);
        Assert.Equal(before, await WrittenAsync());
    }

    [Fact]
    public async Task Tabs_and_newlines_in_multi_line_text_are_still_accepted()
    {
        const string body = "Eerste regel,\n\tingesprongen tweede regel;\r\nen een derde.";
        // (The form's line breaks arrive as CR LF; they are stored as LF, the tab at the start of a line stays.)
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { about = "sectie:1.4", name = "Tina Tab", email = "tina@example.nl", message = body, consent = true, showName = true })
                .ToUrl("/api/contributions/reactions");
            s.StatusCodeShouldBe(201);
        });
        var id = result.ReadAsJson<JsonElement>().GetProperty("id").GetString();
        var editor = await Host.LoginAsRoleAsync("editor");
        var stored = (await Host.Scenario(s => { s.Get.Url($"/api/contributions/moderation/reactions/{id}"); s.As(editor); })).ReadAsJson<JsonElement>();
        Assert.Equal(body.Replace("\r\n", "\n"), stored.GetProperty("message").GetString());
    }
}
