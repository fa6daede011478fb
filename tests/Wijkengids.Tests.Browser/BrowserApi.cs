using System.Text.Json;
using Microsoft.Playwright;
using Wijkengids.Community.Contracts;

namespace Wijkengids.Tests.Browser;

/// <summary>Setting the scene through the JSON API from a browser context (its cookies are the sign-in).</summary>
public static class BrowserApi
{
    public static async Task<IAPIRequestContext> SignedInAsync(this BrowserFixture fixture, string email, string password = DevAccounts.Password)
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseUrl });
        var response = await context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { email, password } });
        Assert.Equal(204, response.Status);
        return context.APIRequest;
    }

    public static async Task<JsonElement> SendAsync(this IAPIRequestContext api, string method, string url, object? body)
    {
        var response = await api.FetchAsync(url, body is null ? new() { Method = method } : new() { Method = method, DataObject = body });
        var text = await response.TextAsync();
        Assert.True(response.Ok, $"{method} {url}: {response.Status} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A second editor (for four-eyes), opened by the admin through the API.</summary>
    public static async Task<IAPIRequestContext> SecondEditorAsync(this BrowserFixture fixture, string email, string name)
    {
        var admin = await fixture.SignedInAsync("admin@wijkengids.test");
        // Tracked until the modules have learnt the name (AccountOpened, through the outbox).
        await fixture.TrackedAsync(() => admin.SendAsync("POST", "/api/community/accounts",
            new { email, displayName = name, password = "een-lang-wachtwoord", roles = new[] { "editor" } }));
        return await fixture.SignedInAsync(email, "een-lang-wachtwoord");
    }

    /// <summary>Creates, submits (author), approves and publishes (reviewer) an item; returns it.</summary>
    public static async Task<JsonElement> PublishAsync(IAPIRequestContext author, IAPIRequestContext reviewer, string kind, object text)
    {
        var item = await author.SendAsync("POST", "/api/content/items", new { kind, text });
        var id = item.GetProperty("id").GetString();
        item = await author.SendAsync("POST", $"/api/content/items/{id}/submit", new { expectedVersion = item.GetProperty("version").GetInt64() });
        item = await reviewer.SendAsync("POST", $"/api/content/items/{id}/approve", new { expectedVersion = item.GetProperty("version").GetInt64() });
        return await reviewer.SendAsync("POST", $"/api/content/items/{id}/publish", new { expectedVersion = item.GetProperty("version").GetInt64() });
    }

    /// <summary>Composes an edition of every candidate (minor, one note each) and publishes it; returns its number.</summary>
    public static async Task<int> PublishEditionAsync(IAPIRequestContext editor, string title)
    {
        var candidates = await editor.SendAsync("GET", "/api/content/editions/candidates", null);
        var notes = candidates.EnumerateArray().Select(c => new
        {
            itemId = c.GetProperty("itemId").GetString(), change = "minor", note = $"Bijgewerkt: {c.GetProperty("title").GetString()}",
        }).ToArray();
        var edition = await editor.SendAsync("POST", "/api/content/editions", new { title, notes });
        var number = edition.GetProperty("number").GetInt32();
        await editor.SendAsync("POST", $"/api/content/editions/{number}/publish", new { expectedVersion = edition.GetProperty("version").GetInt64() });
        return number;
    }
}
