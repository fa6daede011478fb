using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Mail;
using Wijkengids.Community.Subscriptions;
using Wijkengids.Platform;
using Wijkengids.Contributions.Contracts;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

public sealed class WeeklyDigestFixture : HostFixture
{
    public ShiftableClock Clock { get; } = new();

    /// <summary>Several hosts on one database: projections managed by Wolverine (docs/adr/0084).</summary>
    public static readonly Dictionary<string, string?> Managed = new() { ["Wolverine:ManageProjections"] = "true" };

    protected override IDictionary<string, string?> Settings => Managed;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    /// <summary>Moves the host's clock to this Dutch wall-clock time.</summary>
    public void SetDutchTime(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        var instant = new DateTimeOffset(local, DutchTime.Zone.GetUtcOffset(local));
        Clock.Offset = instant - TimeProvider.System.GetUtcNow();
    }
}

/// <summary>
/// The weekly overview (docs/adr/0101): what a week brought, once, on the Monday after; nothing dropped or sent twice
/// across the week boundary, redeliveries, a clock behind, a restart and two hosts. Every test uses weeks of its own.
/// </summary>
public sealed class WeeklyDigestTests(WeeklyDigestFixture fixture) : IClassFixture<WeeklyDigestFixture>
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task A_week_goes_out_on_the_monday_after_with_only_that_weeks_chosen_updates_and_only_once()
    {
        var reader = $"week-wonen-{Guid.NewGuid():N}@example.nl";
        fixture.SetDutchTime(2031, 3, 9, 23, 40); // Sunday of week 10
        await SubscribeAsync(Host, reader, themes: ["wonen"]);
        var confirmation = (await Host.MailsToAsync(reader)).Count;

        await Host.PublishAndWaitAsync(MailHelpers.Edition(3101, ("Wonen in de wijk", ["wonen"]), ("Veilig op straat", ["veiligheid"])));
        fixture.SetDutchTime(2031, 3, 10, 0, 20); // Monday of week 11: a new week has begun
        await Host.PublishAndWaitAsync(MailHelpers.Edition(3102, ("Wonen na de sloop", ["wonen"])));
        // A subscriber of the weekly overview gets no mail per update, and the week is not due before 07:00.
        await Host.PublishAndWaitAsync(new SendDueWeeklyDigests());
        Assert.Equal(confirmation, (await Host.MailsToAsync(reader)).Count);

        fixture.SetDutchTime(2031, 3, 10, 7, 20);
        await Host.PublishAndWaitAsync(new SendDueWeeklyDigests());
        var digest = Assert.Single(await DigestsAsync(reader));
        Assert.Equal("Weekoverzicht van de Wijkengids, week 10 (3 maart tot en met 9 maart 2031)", digest.Subject);
        Assert.Contains("Update 3101", digest.Text);
        Assert.Contains("Wonen in de wijk", digest.Text);
        Assert.DoesNotContain("Veilig op straat", digest.Text); // not one of the reader's themes
        Assert.DoesNotContain("Wonen na de sloop", digest.Text); // next week's
        Assert.Contains("/afmelden?token=", digest.Text);

        // Asked again, by the timer of another host or directly for that week, and the update redelivered: nothing new.
        await Host.PublishAndWaitAsync(new SendDueWeeklyDigests());
        await Host.PublishAndWaitAsync(new SendWeeklyDigest("2031-W10"));
        await Host.PublishAndWaitAsync(MailHelpers.Edition(3101, ("Wonen in de wijk", ["wonen"])));
        Assert.Single(await DigestsAsync(reader));

        fixture.SetDutchTime(2031, 3, 17, 7, 20);
        await Host.PublishAndWaitAsync(new SendDueWeeklyDigests());
        var digests = await DigestsAsync(reader);
        Assert.Equal(2, digests.Count);
        Assert.StartsWith("Weekoverzicht van de Wijkengids, week 11 ", digests[1].Subject);
        Assert.Contains("Wonen na de sloop", digests[1].Text);
        Assert.DoesNotContain("Wonen in de wijk", digests[1].Text); // sent the week before, redelivered since: not again

        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var week10 = await session.LoadAsync<DigestWeek>(DigestWeeks.StreamId("2031-W10"));
        Assert.True(week10!.Sent);
        Assert.Equal([3101], week10.Editions.Select(e => e.Number));
    }

    [Fact]
    public async Task A_note_from_a_host_whose_clock_is_behind_goes_to_the_next_week_instead_of_being_lost()
    {
        var reader = $"week-achter-{Guid.NewGuid():N}@example.nl";
        fixture.SetDutchTime(2031, 4, 2, 12, 0); // week 14
        await SubscribeAsync(Host, reader);
        await Host.PublishAndWaitAsync(MailHelpers.Edition(3141, ("Eerste les van week 14", ["wonen"])));
        fixture.SetDutchTime(2031, 4, 7, 7, 20);
        await Host.PublishAndWaitAsync(new SendDueWeeklyDigests());
        Assert.Contains("Eerste les van week 14", Assert.Single(await DigestsAsync(reader)).Text);

        // This host still thinks it is Sunday of week 14, which has been sent: the update goes to week 15.
        fixture.SetDutchTime(2031, 4, 6, 23, 50);
        await Host.PublishAndWaitAsync(MailHelpers.Edition(3142, ("Laat binnengekomen les", ["wonen"])));
        fixture.SetDutchTime(2031, 4, 14, 7, 20);
        await Host.PublishAndWaitAsync(new SendDueWeeklyDigests());
        var digests = await DigestsAsync(reader);
        Assert.Equal(2, digests.Count);
        Assert.StartsWith("Weekoverzicht van de Wijkengids, week 15 ", digests[1].Subject);
        Assert.Contains("Laat binnengekomen les", digests[1].Text);
    }

    [Fact]
    public async Task After_a_restart_two_hosts_that_both_send_a_due_week_send_it_once()
    {
        var reader = $"week-twee-hosts-{Guid.NewGuid():N}@example.nl";
        fixture.SetDutchTime(2031, 5, 14, 12, 0); // week 20
        await SubscribeAsync(Host, reader);
        await Host.PublishAndWaitAsync(MailHelpers.Edition(3201, ("Les voor twee hosts", ["wonen"])));

        // Two more hosts on the same database, started after the week was noted (a restart), both past Monday 07:00.
        fixture.SetDutchTime(2031, 5, 19, 7, 30);
        var connection = Host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Wijkengids")!;
        await using var first = await AppFactory.StartOnAsync(connection, WeeklyDigestFixture.Managed, services: s => s.AddSingleton<TimeProvider>(fixture.Clock));
        await using var second = await AppFactory.StartOnAsync(connection, WeeklyDigestFixture.Managed, services: s => s.AddSingleton<TimeProvider>(fixture.Clock));
        await Task.WhenAll(first.PublishAndWaitAsync(new SendDueWeeklyDigests()), second.PublishAndWaitAsync(new SendDueWeeklyDigests()));

        var digest = Assert.Single(await DigestsAsync(reader));
        Assert.Contains("Les voor twee hosts", digest.Text);
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Single(await session.Query<MailDelivery>().Where(d => d.Mailing == "weekoverzicht-2031-W20" && d.To == reader).ToListAsync());
        var sent = await session.Events.FetchStreamAsync(DigestWeeks.StreamId("2031-W20"));
        Assert.Single(sent, e => e.Data is WeeklyDigestSent);
    }

    [Fact]
    public async Task A_contributor_reads_what_happened_to_their_contributions_in_their_overview()
    {
        const string address = "contributor@wijkengids.test";
        fixture.SetDutchTime(2031, 6, 11, 12, 0); // week 24
        var contributor = await Host.LoginAsRoleAsync("contributor"); // signed in at the moved clock, so the cookie is valid then
        await SubscribeAsync(Host, address, themes: ["wonen"]);
        var message = "Een reactie voor het weekoverzicht " + Guid.NewGuid();
        string? id = null;
        await Host.TrackedAsync(async _ => id = (await Host.Scenario(s =>
        {
            s.Post.Json(new { about = "sectie:1.4", name = "Carla Contribuant", email = address, message, consent = true, showName = true })
                .ToUrl("/api/contributions/reactions");
            s.As(contributor);
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<JsonElement>().GetProperty("id").GetString());
        var editor = await Host.LoginAsRoleAsync("editor");
        await Host.TrackedAsync(async _ => await Host.Scenario(s =>
        {
            s.Post.Json(new { answer = "Dank u, we nemen het mee in de volgende update.", @public = false })
                .ToUrl($"/api/contributions/moderation/reactions/{id}/answer");
            s.As(editor);
            s.StatusCodeShouldBe(200);
        }));
        // A spam decision is never told, not in the overview either.
        await Host.PublishAndWaitAsync(new ContributionStatusChanged(Guid.Parse(id!), "reactie", await AccountIdAsync(address), "spam", null,
            "/gids/1.4", fixture.Clock.GetUtcNow()));

        fixture.SetDutchTime(2031, 6, 16, 7, 20);
        await Host.PublishAndWaitAsync(new SendDueWeeklyDigests());
        var digest = Assert.Single(await DigestsAsync(address));
        Assert.Contains("Wat er met uw bijdragen gebeurde", digest.Text);
        Assert.Contains("Uw reactie", digest.Text);
        Assert.Contains("ontvangen", digest.Text);
        Assert.Contains("beantwoord", digest.Text);
        Assert.Contains("Dank u, we nemen het mee in de volgende update.", digest.Text);
        Assert.DoesNotContain("spam", digest.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Wat er in de gids veranderde", digest.Text); // no update that week

        // The editors' words are sealed with the account's key in the week's history.
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var raw = await session.QueryAsync<string>("select data::text from events.mt_events where stream_id = ?", DigestWeeks.StreamId("2031-W24"));
        Assert.NotEmpty(raw);
        Assert.All(raw, data => Assert.DoesNotContain("Dank u, we nemen het mee", data));
    }

    private static async Task SubscribeAsync(IAlbaHost host, string email, string[]? themes = null)
    {
        await host.TrackedAsync(async _ => await host.Scenario(s =>
        {
            s.Post.Json(new { email, themes = themes ?? [], frequency = "wekelijks" }).ToUrl("/api/community/subscriptions");
            s.StatusCodeShouldBe(202);
        }));
        var mail = (await host.MailsToAsync(email)).Last();
        var confirmed = await host.Scenario(s =>
        {
            s.Post.Json(new { token = MailHelpers.TokenOf(MailHelpers.LinkTo(mail.Text, "/aanmelden/bevestigen")) }).ToUrl("/api/community/subscriptions/confirm");
            s.StatusCodeShouldBe(200);
        });
        Assert.Equal("bevestigd", confirmed.ReadAsJson<JsonElement>().GetProperty("status").GetString());
    }

    private async Task<IReadOnlyList<DevMail>> DigestsAsync(string address) =>
        (await Host.MailsToAsync(address)).Where(m => m.Subject.StartsWith("Weekoverzicht", StringComparison.Ordinal)).ToList();

    private async Task<Guid> AccountIdAsync(string email)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Query<Wijkengids.Community.Accounts.AccountView>().SingleAsync(a => a.Email == email)).Id;
    }
}
