using Alba;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>
/// Cross-site request forgery (ADR 75): a state-changing request with the sign-in cookie needs the antiforgery token
/// or a JSON body, and never comes from another origin, not even one of the same site.
/// </summary>
[Collection(SharedHosts.Platform)]
public sealed class CsrfTests(PlatformHost fixture)
{
    private const string Evil = "https://evil.example";
    private const string Own = "http://localhost";

    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task A_body_less_post_from_another_origin_of_the_same_site_does_not_erase_the_account()
    {
        var (_, cookie) = await Host.OpenContributorAsync("Sanne Samesite", Unique.Email("sanne"));
        var refused = await Host.Scenario(s =>
        {
            s.Post.Url("/api/community/me/erase"); s.As(cookie);
            s.WithRequestHeader("Origin", Evil);
            s.WithRequestHeader("Sec-Fetch-Site", "same-site");
            s.StatusCodeShouldBe(403);
        });
        Assert.Equal("Verzoek geweigerd", refused.ShouldBeProblem(403).GetProperty("title").GetString());
        await StillSignedInAsync(cookie);
    }

    [Fact]
    public async Task A_body_less_or_form_post_without_token_is_refused_even_without_origin_headers()
    {
        var (_, cookie) = await Host.OpenContributorAsync("Floor Formulier", Unique.Email("floor"));
        (await Host.Scenario(s =>
        {
            s.Post.Url("/api/community/me/erase"); s.As(cookie);
            s.StatusCodeShouldBe(403);
        })).ShouldBeProblem(403);
        (await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["confirm"] = "ja" }).ToUrl("/api/community/me/erase"); s.As(cookie);
            s.StatusCodeShouldBe(403);
        })).ShouldBeProblem(403);
        // text/plain is what a cross-origin form or "simple" fetch can send as a body; it is not JSON.
        (await Host.Scenario(s =>
        {
            s.Post.Text("{}").ToUrl("/api/community/me/erase"); s.As(cookie);
            s.StatusCodeShouldBe(403);
        })).ShouldBeProblem(403);
        await StillSignedInAsync(cookie);
    }

    [Fact]
    public async Task Json_from_another_origin_is_refused_too()
    {
        var (_, cookie) = await Host.OpenContributorAsync("Carla Crosssite", Unique.Email("carla"));
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { }).ToUrl("/api/community/me/erase"); s.As(cookie);
            s.WithRequestHeader("Origin", Evil);
            s.StatusCodeShouldBe(403);
        })).ShouldBeProblem(403);
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { }).ToUrl("/api/community/me/erase"); s.As(cookie);
            s.WithRequestHeader("Sec-Fetch-Site", "cross-site");
            s.StatusCodeShouldBe(403);
        })).ShouldBeProblem(403);
        await StillSignedInAsync(cookie);
    }

    [Fact]
    public async Task The_same_request_with_a_json_body_from_the_own_origin_works()
    {
        var (_, cookie) = await Host.OpenContributorAsync("Olga Eigen", Unique.Email("olga"));
        await Host.Scenario(s =>
        {
            s.Post.Json(new { password = "een-lang-wachtwoord" }).ToUrl("/api/community/me/erase"); s.As(cookie);
            s.WithRequestHeader("Origin", Own);
            s.WithRequestHeader("Sec-Fetch-Site", "same-origin");
            s.StatusCodeShouldBe(200);
        });
        await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); s.StatusCodeShouldBe(401); });
    }

    [Fact]
    public async Task A_body_less_post_with_the_antiforgery_token_in_the_header_works()
    {
        var cookie = await Host.LoginAsRoleAsync("editor");
        var (_, token, antiforgeryCookie) = await Host.FormTokenAsync("/profiel", cookie);

        await Host.Scenario(s =>
        {
            s.Post.Url("/api/auth/logout"); s.As($"{cookie}; {antiforgeryCookie}");
            s.WithRequestHeader("X-CSRF-TOKEN", "vervalst");
            s.StatusCodeShouldBe(403);
        });
        await Host.Scenario(s =>
        {
            s.Post.Url("/api/auth/logout"); s.As($"{cookie}; {antiforgeryCookie}");
            s.WithRequestHeader("X-CSRF-TOKEN", token);
            s.StatusCodeShouldBe(204);
        });
    }

    [Fact]
    public async Task A_page_form_with_its_token_posted_from_another_origin_is_refused()
    {
        var cookie = await Host.LoginAsRoleAsync("contributor");
        var (_, token, antiforgeryCookie) = await Host.FormTokenAsync("/uitloggen", cookie);
        await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }).ToUrl("/uitloggen");
            s.As($"{cookie}; {antiforgeryCookie}");
            s.WithRequestHeader("Sec-Fetch-Site", "same-site");
            s.StatusCodeShouldBe(403);
        });
        await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }).ToUrl("/uitloggen");
            s.As($"{cookie}; {antiforgeryCookie}");
            s.WithRequestHeader("Sec-Fetch-Site", "same-origin");
            s.StatusCodeShouldBe(302);
        });
    }

    [Fact]
    public async Task Anonymous_requests_need_no_proof()
    {
        await Host.Scenario(s =>
        {
            s.Post.Url("/api/auth/logout");
            s.WithRequestHeader("Origin", Evil);
            s.StatusCodeShouldBe(204);
        });
    }

    private Task StillSignedInAsync(string cookie) =>
        Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); s.StatusCodeShouldBe(200); });
}
