using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Mail;
using Wijkengids.Tests.Integration.Infrastructure;
using Wolverine.Tracking;

namespace Wijkengids.Tests.Integration.Messaging;

/// <summary>Dead letters are visible to admins on /beheer/verzending and replayed on their request, recorded as an event (docs/adr/0082).</summary>
[Collection(SharedHosts.Messaging)]
public sealed class DeadLetterTests(TestWorkFixture fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task A_message_that_fails_for_good_is_shown_to_admins_and_replayed_from_the_page()
    {
        var work = new BrokenWork(Guid.NewGuid());
        TestWork.Broken[work.Id] = true;
        await Host.TrackActivity(TimeSpan.FromSeconds(90)).DoNotAssertOnExceptionsDetected().SendMessageAndWaitAsync(work);
        Assert.False(TestWork.Handled.ContainsKey(work.Id));

        var admin = await Host.LoginAsRoleAsync("admin");
        var letter = await DeadLetterAsync(admin, work.Id);
        Assert.EndsWith("BrokenWork", letter.GetProperty("messageType").GetString());
        Assert.Equal(TestWork.Attempts[work.Id], letter.GetProperty("attempts").GetInt32());

        var page = await Host.Scenario(s => { s.Get.Url("/beheer/verzending"); s.As(admin); });
        var html = page.ReadAsText();
        Assert.Contains("<th scope=\"col\">Foutmelding</th>", html);
        Assert.Contains($"Werk {work.Id} is kapot.", html);
        Assert.Contains(">BrokenWork</span>", html);

        var editor = await Host.LoginAsRoleAsync("editor");
        await Host.Scenario(s => { s.Get.Url("/beheer/verzending"); s.As(editor); s.StatusCodeShouldBe(HttpStatusCode.Redirect); });
        await Host.Scenario(s => { s.Get.Url("/api/community/dead-letters"); s.As(editor); s.StatusCodeShouldBe(403); });
        await Host.Scenario(s => { s.Post.Json(new { ids = Array.Empty<Guid>() }).ToUrl("/api/community/dead-letters/replay"); s.As(editor); s.StatusCodeShouldBe(403); });

        // The cause is fixed; the admin offers the message again with the button on its row.
        TestWork.Broken.TryRemove(work.Id, out _);
        var id = letter.GetProperty("id").GetGuid();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var antiforgery = page.Context.Response.Headers.SetCookie.ToString().Split(';')[0];
        // Tracked until Wolverine's agents have moved the replayed message back to the inbox and its handler succeeded.
        await Host.TrackedUntilHandledAsync(Messages.Timeout, _ => Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["Id"] = id.ToString(), ["__RequestVerificationToken"] = token })
                .ToUrl("/beheer/verzending").QueryString("handler", "Replay");
            s.WithRequestHeader("Cookie", $"{admin}; {antiforgery}");
            s.StatusCodeShouldBe(HttpStatusCode.Redirect);
        }), m => m is BrokenWork replayed && replayed.Id == work.Id);

        Assert.True(TestWork.Handled.ContainsKey(work.Id));
        Assert.DoesNotContain(await DeadLettersAsync(admin), l => l.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain($"Werk {work.Id} is kapot.", (await Host.Scenario(s => { s.Get.Url("/beheer/verzending"); s.As(admin); })).ReadAsText());

        // Who replayed what is an event on the message's own stream.
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var adminId = (await session.Query<AccountView>().SingleAsync(a => a.Email == "admin@wijkengids.test")).Id;
        var replayed = Assert.Single(await session.Events.FetchStreamAsync(id));
        var data = Assert.IsType<DeadLetterReplayed>(replayed.Data);
        Assert.EndsWith("BrokenWork", data.MessageType);
        Assert.Equal($"Werk {work.Id} is kapot.", data.ExceptionMessage);
        Assert.Equal(adminId.ToString(), replayed.UserName);
    }

    [Fact]
    public async Task Replaying_all_offers_every_dead_letter_again_and_an_unknown_one_is_a_404_problem()
    {
        var works = new[] { new BrokenWork(Guid.NewGuid()), new BrokenWork(Guid.NewGuid()) };
        foreach (var work in works)
        {
            TestWork.Broken[work.Id] = true;
            await Host.TrackActivity(TimeSpan.FromSeconds(90)).DoNotAssertOnExceptionsDetected().SendMessageAndWaitAsync(work);
        }
        var admin = await Host.LoginAsRoleAsync("admin");
        foreach (var work in works)
        {
            await DeadLetterAsync(admin, work.Id);
            TestWork.Broken.TryRemove(work.Id, out _);
        }

        (await Host.Scenario(s =>
        {
            s.Post.Json(new { ids = new[] { Guid.NewGuid() } }).ToUrl("/api/community/dead-letters/replay"); s.As(admin);
            s.StatusCodeShouldBe(404);
        })).ShouldBeProblem(404);

        IScenarioResult result = null!;
        await Host.TrackedUntilHandledAsync(Messages.Timeout,
            async _ => result = await Host.Scenario(s => { s.Post.Json(new { ids = Array.Empty<Guid>() }).ToUrl("/api/community/dead-letters/replay"); s.As(admin); }),
            works.Select(work => (Func<object, bool>)(m => m is BrokenWork replayed && replayed.Id == work.Id)).ToArray());
        Assert.True(result.ReadAsJson<JsonElement>().GetProperty("replayed").GetInt32() >= works.Length);
        Assert.All(works, work => Assert.True(TestWork.Handled.ContainsKey(work.Id)));
    }

    private async Task<JsonElement[]> DeadLettersAsync(string admin) =>
        (await Host.Scenario(s => { s.Get.Url("/api/community/dead-letters"); s.As(admin); })).ReadAsJson<JsonElement[]>();

    /// <summary>The dead letter of this work (its exception message names the work's id), stored before its tracked send ended.</summary>
    private async Task<JsonElement> DeadLetterAsync(string admin, Guid workId) =>
        Assert.Single(await DeadLettersAsync(admin), l => l.GetProperty("exceptionMessage").GetString()?.Contains(workId.ToString()) == true);
}
