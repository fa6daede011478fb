using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Content.Items;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Content;

/// <summary>
/// Item statuses are enums stored as their stable strings ("in-review"); Marten's LINQ compares those strings, the API
/// reads and writes them, and the pages show the Dutch names (docs/adr/0096).
/// </summary>
[Collection(SharedHosts.Content)]
public sealed class ItemStatusFilterTests(ContentHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task The_editors_list_filtered_by_status_returns_exactly_the_items_with_that_stored_status()
    {
        var eva = await Host.LoginAsRoleAsync("editor");
        var ruud = await Host.NewEditorAsync($"ruud-{Guid.NewGuid():N}@example.nl", "Ruud Revisor");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await Host.CreateAsync(eva, "lesson", ContentApi.Lesson($"Concept {tag}"));
        var review = await Host.CreateAsync(eva, "lesson", ContentApi.Lesson($"Review {tag}"));
        await Host.StepAsync(eva, review, "submit");
        var approved = await Host.StepAsync(eva, await Host.CreateAsync(eva, "lesson", ContentApi.Lesson($"Goedgekeurd {tag}")), "submit");
        await Host.StepAsync(ruud, approved, "approve");
        await Host.StepAsync(eva, await Host.CreateAsync(eva, "lesson", ContentApi.Lesson($"Archief {tag}")), "archive", reason: "vervangen");

        async Task<JsonElement[]> ListAsync(string query) =>
            (await Host.Scenario(s => { s.Get.Url("/api/content/items" + query); s.As(eva); })).ReadAsJson<JsonElement[]>()
            .Where(i => i.Str("title").EndsWith(tag, StringComparison.Ordinal)).ToArray();
        async Task<string[]> TitlesAsync(string query) => (await ListAsync(query)).Select(i => i.Str("title")).Order().ToArray();

        Assert.Equal([$"Review {tag}"], await TitlesAsync("?status=in-review"));
        Assert.Equal([$"Concept {tag}"], await TitlesAsync("?status=draft"));
        Assert.Equal([$"Goedgekeurd {tag}"], await TitlesAsync("?status=approved"));
        Assert.Equal([$"Archief {tag}"], await TitlesAsync("?status=archived"));
        Assert.Empty(await TitlesAsync("?status=published"));
        // Without a filter: everything but the archived.
        Assert.Equal([$"Concept {tag}", $"Goedgekeurd {tag}", $"Review {tag}"], await TitlesAsync(""));
        // The API writes the stable string, as it did when the status was a string.
        Assert.Equal("in-review", (await ListAsync("?status=in-review"))[0].Str("status"));

        // The query compares the stored string, and the documents hold exactly that.
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var command = session.Query<ItemState>().Where(i => i.Status == ItemStatus.InReview).ToCommand();
        Assert.Contains("d.data ->> 'Status'", command.CommandText);
        Assert.Contains(command.Parameters, p => Equals(p.Value, "in-review"));
        var stored = await session.QueryAsync<string>("select data ->> 'Status' from content.mt_doc_itemstate where data ->> 'Title' = ?", $"Review {tag}");
        Assert.Equal(["in-review"], stored);
        // A list known before the query: the stable strings too.
        ItemStatus[] open = [ItemStatus.Draft, ItemStatus.Approved];
        var openTitles = (await session.Query<ItemState>().Where(i => open.Contains(i.Status)).ToListAsync())
            .Select(i => i.Title).Where(t => t.EndsWith(tag, StringComparison.Ordinal)).Order().ToArray();
        Assert.Equal([$"Concept {tag}", $"Goedgekeurd {tag}"], openTitles);
    }

    [Fact]
    public async Task An_unknown_status_is_a_dutch_400_that_names_the_statuses_in_the_api_and_on_the_page()
    {
        var eva = await Host.LoginAsRoleAsync("editor");
        foreach (var wrong in new[] { "InReview", "1", "ter review" })
        {
            var problem = (await Host.Scenario(s =>
            {
                s.Get.Url("/api/content/items?status=" + Uri.EscapeDataString(wrong)); s.As(eva);
                s.StatusCodeShouldBe(400);
            })).ShouldBeProblem(400);
            Assert.Equal($"Onbekende waarde ‘{wrong}’. Kies uit: draft, in-review, changes-requested, approved, published, unpublished of archived.",
                problem.GetProperty("errors").GetProperty("status")[0].GetString());
        }

        var page = (await Host.Scenario(s => { s.Get.Url("/redactie?status=onzin"); s.As(eva); s.StatusCodeShouldBe(400); })).ReadAsText();
        Assert.Contains("Onbekende waarde ‘onzin’.", page);
        // The filter offers the stable strings as values and the Dutch names as text.
        var filtered = (await Host.Scenario(s => { s.Get.Url("/redactie?status=in-review"); s.As(eva); })).ReadAsText();
        Assert.Contains("<option value=\"in-review\" selected=\"selected\">ter review</option>", filtered);
        Assert.Contains("<option value=\"changes-requested\">wijzigingen gevraagd</option>", filtered);
    }
}
