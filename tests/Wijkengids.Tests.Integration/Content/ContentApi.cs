using System.Text.Json;
using Alba;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Content;

/// <summary>The content API as tests drive it: create, save, workflow steps, and a second editor for four-eyes.</summary>
public static class ContentApi
{
    public static object Lesson(string title, string body = "Tekst van de les.", string statement = "Een korte stelling.",
        string[]? themes = null, string[]? sections = null, object[]? sources = null) =>
        new { title, statement, body, themes = themes ?? [], sections = sections ?? [], sources = sources ?? [] };

    public static async Task<JsonElement> CreateAsync(this IAlbaHost host, string cookie, string kind, object text, int status = 201, string? reason = null)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(new { kind, text, reason }).ToUrl("/api/content/items"); s.As(cookie);
            s.StatusCodeShouldBe(status);
        });
        return result.ReadAsJson<JsonElement>();
    }

    public static async Task<JsonElement> SaveDraftAsync(this IAlbaHost host, string cookie, JsonElement item, object text, int status = 200,
        long? expectedVersion = null, string? reason = null)
    {
        var result = await host.Scenario(s =>
        {
            s.Put.Json(new { expectedVersion = expectedVersion ?? item.Version(), text, reason }).ToUrl($"/api/content/items/{item.Id()}/draft");
            s.As(cookie);
            s.StatusCodeShouldBe(status);
        });
        return result.ReadAsJson<JsonElement>();
    }

    public static async Task<JsonElement> StepAsync(this IAlbaHost host, string cookie, JsonElement item, string step, int status = 200,
        string? reason = null, string? comment = null, long? expectedVersion = null)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(new { expectedVersion = expectedVersion ?? item.Version(), reason, comment }).ToUrl($"/api/content/items/{item.Id()}/{step}");
            s.As(cookie);
            s.StatusCodeShouldBe(status);
        });
        return result.ReadAsJson<JsonElement>();
    }

    /// <summary>Draft by <paramref name="author"/>, reviewed and published by <paramref name="reviewer"/>.</summary>
    public static async Task<JsonElement> PublishAsync(this IAlbaHost host, string author, string reviewer, string kind, object text)
    {
        var item = await host.CreateAsync(author, kind, text);
        item = await host.StepAsync(author, item, "submit");
        item = await host.StepAsync(reviewer, item, "approve");
        return await host.StepAsync(reviewer, item, "publish", reason: "klaar voor lezers");
    }

    /// <summary>Opens (through the admin API) and signs in an editor account.</summary>
    /// <summary>The admin opens an editor account; waits until every message it sends (the name for Content and Audit) has been handled.</summary>
    public static async Task<string> NewEditorAsync(this IAlbaHost host, string email, string name)
    {
        var admin = await host.LoginAsRoleAsync("admin");
        await host.TrackedAsync(_ => host.Scenario(s =>
        {
            s.Post.Json(new { email, displayName = name, password = "een-lang-wachtwoord", roles = new[] { "editor" } })
                .ToUrl("/api/community/accounts"); s.As(admin);
            s.StatusCodeShouldBe(201);
        }));
        return await host.LoginAsync(email, "een-lang-wachtwoord");
    }

    public static async Task<string> MeAsync(this IAlbaHost host, string cookie) =>
        (await host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); })).ReadAsJson<JsonElement>().GetProperty("id").GetString()!;

    public static Guid Id(this JsonElement item) => Guid.Parse(item.GetProperty("id").GetString()!);

    public static long Version(this JsonElement item) => item.GetProperty("version").GetInt64();

    public static string Str(this JsonElement item, string property) => item.GetProperty(property).GetString()!;

    public static async Task<int> StatusOfAsync(this IAlbaHost host, string url, string? cookie = null)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            if (cookie is not null) s.As(cookie);
            s.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }
}
