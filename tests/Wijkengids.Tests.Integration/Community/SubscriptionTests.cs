using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Mail;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

public sealed class SubscriptionFixture : HostFixture
{
    public ShiftableClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>Update subscriptions with double opt-in, over the development mailbox (the SMTP path: SmtpTests).</summary>
public sealed class SubscriptionTests(SubscriptionFixture fixture) : IClassFixture<SubscriptionFixture>
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task Subscribing_answers_the_same_whatever_the_state_of_the_address()
    {
        await Host.SubscribeAndConfirmAsync("bevestigd@example.nl");
        var fresh = await SubscribeAsync("nieuw@example.nl");
        var again = await SubscribeAsync("bevestigd@example.nl");
        var pending = await SubscribeAsync("nieuw@example.nl");
        Assert.Equal(fresh, again);
        Assert.Equal(fresh, pending);
        Assert.Contains("Als dit adres klopt", fresh);
    }

    [Fact]
    public async Task Only_a_confirmed_address_receives_an_edition_and_the_link_works_once()
    {
        await SubscribeAsync("dubbel@example.nl");
        var confirmation = Assert.Single(await Host.ReceivedMailsAsync("dubbel@example.nl", 1));
        Assert.Equal("Bevestig uw aanmelding voor updates van de Wijkengids", confirmation.Subject);

        await Host.PublishAndWaitAsync(MailHelpers.Edition(101, ("Les over participatie", ["participatie"])));
        Assert.Single(await Host.MailsToAsync("dubbel@example.nl"));

        var token = MailHelpers.TokenOf(MailHelpers.LinkTo(confirmation.Text, "/aanmelden/bevestigen"));
        var confirmed = await Host.Scenario(s =>
        {
            s.Post.Json(new { token }).ToUrl("/api/community/subscriptions/confirm");
            s.StatusCodeShouldBe(200);
        });
        Assert.Equal("bevestigd", confirmed.ReadAsJson<JsonElement>().GetProperty("status").GetString());

        var reused = await Host.Scenario(s =>
        {
            s.Post.Json(new { token }).ToUrl("/api/community/subscriptions/confirm");
            s.StatusCodeShouldBe(409);
        });
        Assert.Contains("al gebruikt", reused.ShouldBeProblem(409).GetProperty("detail").GetString());

        await Host.PublishAndWaitAsync(MailHelpers.Edition(102, ("Les over wonen", ["wonen"])));
        var mails = await Host.ReceivedMailsAsync("dubbel@example.nl", 2);
        Assert.Equal("Update 102 van de Wijkengids: Update 102", mails[1].Subject);
        Assert.Contains("Les over wonen", mails[1].Text);
        Assert.Contains("/gids/les-102-0", mails[1].Text);
    }

    [Fact]
    public async Task An_expired_or_forged_link_does_not_confirm()
    {
        await SubscribeAsync("laat@example.nl");
        var mail = Assert.Single(await Host.ReceivedMailsAsync("laat@example.nl", 1));
        var token = MailHelpers.TokenOf(MailHelpers.LinkTo(mail.Text, "/aanmelden/bevestigen"));

        fixture.Clock.Offset = TimeSpan.FromHours(48) + TimeSpan.FromMinutes(1);
        try
        {
            var expired = await Host.Scenario(s =>
            {
                s.Post.Json(new { token }).ToUrl("/api/community/subscriptions/confirm");
                s.StatusCodeShouldBe(422);
            });
            Assert.Contains("verlopen of ongeldig", expired.ShouldBeProblem(422).GetProperty("detail").GetString());
            var page = await Host.Scenario(s => s.Get.Url("/aanmelden/bevestigen?token=" + Uri.EscapeDataString(token)));
            Assert.Contains("Deze link werkt niet", page.ReadAsText());
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }

        (await Host.Scenario(s =>
        {
            s.Post.Json(new { token = token[..^4] + "AAAA" }).ToUrl("/api/community/subscriptions/confirm");
            s.StatusCodeShouldBe(422);
        })).ShouldBeProblem(422);

        // Within 48 hours the same link still works.
        fixture.Clock.Offset = TimeSpan.FromHours(47);
        try
        {
            await Host.Scenario(s =>
            {
                s.Post.Json(new { token }).ToUrl("/api/community/subscriptions/confirm");
                s.StatusCodeShouldBe(200);
            });
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Editions_reach_subscribers_by_theme_once_even_when_delivered_twice()
    {
        await Host.SubscribeAndConfirmAsync("veiligheid@example.nl", "Veiligheid");
        await Host.SubscribeAndConfirmAsync("alles@example.nl");
        await Host.SubscribeAndConfirmAsync("wonen@example.nl", "wonen");

        var edition = MailHelpers.Edition(7, ("Veilige buurten", ["veiligheid"]), ("Bewoners aan zet", ["participatie"]));
        await Host.PublishAndWaitAsync(edition);
        await Host.PublishAndWaitAsync(edition);

        var forSafety = (await Host.ReceivedMailsAsync("veiligheid@example.nl", 2))[1];
        Assert.Contains("Veilige buurten", forSafety.Text);
        Assert.DoesNotContain("Bewoners aan zet", forSafety.Text);
        var forAll = (await Host.ReceivedMailsAsync("alles@example.nl", 2))[1];
        Assert.Contains("Veilige buurten", forAll.Text);
        Assert.Contains("Bewoners aan zet", forAll.Text);
        Assert.Contains("Belangrijke wijziging", forAll.Text);

        // A retried send message finds the delivery sent and sends nothing.
        await Host.PublishAndWaitAsync(new DeliverMail($"editie-7/{await SubscriptionIdAsync("alles@example.nl"):N}"));
        Assert.Equal(2, (await Host.MailsToAsync("alles@example.nl")).Count);
        Assert.Equal(2, (await Host.MailsToAsync("veiligheid@example.nl")).Count);
        Assert.Single(await Host.MailsToAsync("wonen@example.nl"));

        var admin = await Host.LoginAsRoleAsync("admin");
        var mailings = (await Host.Scenario(s => { s.Get.Url("/api/community/mailings"); s.As(admin); })).ReadAsJson<JsonElement[]>();
        var seventh = Assert.Single(mailings, m => m.GetProperty("mailing").GetString() == "editie-7");
        // Other tests of this class have confirmed subscribers too: every one of them got it, none failed.
        Assert.True(seventh.GetProperty("total").GetInt32() >= 2);
        Assert.Equal(seventh.GetProperty("total").GetInt32(), seventh.GetProperty("sent").GetInt32());
        Assert.Equal(0, seventh.GetProperty("failed").GetInt32());
        var page = await Host.Scenario(s => { s.Get.Url("/beheer/verzending"); s.As(admin); });
        Assert.Contains("editie-7", page.ReadAsText());
    }

    [Fact]
    public async Task One_click_unsubscribe_stops_mail_and_subscribing_again_works()
    {
        await Host.SubscribeAndConfirmAsync("weg@example.nl");
        var mail = (await Host.MailsToAsync("weg@example.nl")).Last();
        var oneClick = mail.Headers["List-Unsubscribe"].Trim('<', '>');
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);

        await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }).ToUrl(new Uri(oneClick).AbsolutePath)
                .QueryString("token", MailHelpers.TokenOf(oneClick));
            s.StatusCodeShouldBe(200);
        });
        await Host.PublishAndWaitAsync(MailHelpers.Edition(8, ("Na afmelden", ["wonen"])));
        Assert.DoesNotContain(await Host.MailsToAsync("weg@example.nl"), m => m.Subject.StartsWith("Update 8", StringComparison.Ordinal));

        await Host.SubscribeAndConfirmAsync("weg@example.nl");
        await Host.PublishAndWaitAsync(MailHelpers.Edition(9, ("Weer terug", ["wonen"])));
        Assert.Single(await Host.MailsToAsync("weg@example.nl"), m => m.Subject.StartsWith("Update 9", StringComparison.Ordinal));

        (await Host.Scenario(s =>
        {
            s.Post.Url("/api/community/subscriptions/unsubscribe?token=vervalst");
            s.StatusCodeShouldBe(422);
        })).ShouldBeProblem(422);
    }

    [Fact]
    public async Task Bad_input_is_a_dutch_problem_and_the_page_shows_a_message()
    {
        var problem = await Host.Scenario(s =>
        {
            s.Post.Json(new { email = "geen-adres" }).ToUrl("/api/community/subscriptions");
            s.StatusCodeShouldBe(400);
        });
        Assert.Contains("Vul een geldig e-mailadres in.", problem.ShouldBeProblem(400).GetProperty("errors").ToString());
        var page = await Host.Scenario(s => s.Get.Url("/aanmelden"));
        Assert.Contains("<label for=\"veld-email\">E-mailadres</label>", page.ReadAsText());
    }

    [Fact]
    public async Task An_unknown_theme_chapter_or_frequency_is_a_dutch_400_in_the_api_and_at_the_field_on_the_page()
    {
        var problem = (await Host.Scenario(s =>
        {
            s.Post.Json(new { email = "typo@example.nl", themes = new[] { "wonne" }, chapters = new[] { "99" }, frequency = "dagelijks" })
                .ToUrl("/api/community/subscriptions");
            s.StatusCodeShouldBe(400);
        })).ShouldBeProblem(400).GetProperty("errors");
        var errors = problem.EnumerateObject().ToDictionary(e => e.Name.ToLowerInvariant(), e => string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString())));
        Assert.Equal("Het thema \u201cwonne\u201d bestaat niet in de gids. Kies uit de thema's op de pagina.", errors["themes"]);
        Assert.Equal("Hoofdstuk \u201c99\u201d bestaat niet in de gids. Kies uit de hoofdstukken op de pagina.", errors["chapters"]);
        Assert.StartsWith("Kies hoe vaak u bericht wilt", errors["frequency"]);
        Assert.Empty(await Host.MailsToAsync("typo@example.nl"));

        var (form, token, antiforgery) = await Host.FormTokenAsync("/aanmelden", "");
        Assert.Contains("name=\"Themes\" value=\"wonen\"", form);
        Assert.Contains("name=\"Chapters\" value=\"1\"", form);
        Assert.Contains("name=\"Frequency\" value=\"wekelijks\"", form);
        Assert.Contains("Elke maandagochtend", form);
        var page = (await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["Email"] = "typo@example.nl", ["Themes"] = "onbekend-thema", ["Frequency"] = "elke-update", ["__RequestVerificationToken"] = token,
            }).ToUrl("/aanmelden");
            s.As(antiforgery);
            s.StatusCodeShouldBe(400);
        })).ReadAsText();
        var fieldset = Regex.Match(page, "<fieldset[^>]*id=\"veld-themes\"[^>]*>");
        Assert.True(fieldset.Success, "Geen fieldset veld-themes");
        Assert.Contains("aria-describedby=\"themas-hint veld-themes-fout\"", fieldset.Value);
        Assert.Matches("<p class=\"field-error\" id=\"veld-themes-fout\">Het thema [^<]*onbekend-thema[^<]* bestaat niet in de gids", page);
        Assert.Contains("<a href=\"#veld-themes\">", page);
        Assert.Empty(await Host.MailsToAsync("typo@example.nl"));
    }

    [Fact]
    public async Task The_choices_are_stored_in_the_events_and_the_read_model_and_confirmed_with_the_link()
    {
        await Host.SubscribeAndConfirmAsync(
            new { email = "keuzes@example.nl", themes = new[] { "wonen", "Zorg" }, chapters = new[] { "1" }, majorOnly = true, frequency = "wekelijks" },
            "keuzes@example.nl");
        var confirmation = (await Host.MailsToAsync("keuzes@example.nl")).Single();
        Assert.Contains("thema's: wonen, zorg; hoofdstukken: 1; alleen grote wijzigingen; wekelijks overzicht", confirmation.Text);

        var id = await SubscriptionIdAsync("keuzes@example.nl");
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var view = await session.LoadAsync<Wijkengids.Community.Subscriptions.SubscriptionView>(id);
        Assert.Equal(["wonen", "zorg"], view!.Themes);
        Assert.Equal(["1"], view.Chapters);
        Assert.True(view.MajorOnly);
        Assert.Equal(Wijkengids.Community.Subscriptions.SubscriptionFrequency.Weekly, view.Frequency);
        var events = await session.Events.FetchStreamAsync(id);
        var requested = Assert.IsType<Wijkengids.Community.Subscriptions.SubscriptionRequested>(events[0].Data);
        Assert.Equal(["1"], requested.Chapters!);
        var confirmed = Assert.IsType<Wijkengids.Community.Subscriptions.SubscriptionConfirmed>(events[^1].Data);
        Assert.Equal(["1"], confirmed.Chapters!);
        Assert.True(confirmed.MajorOnly);
        Assert.Equal(Wijkengids.Community.Subscriptions.SubscriptionFrequency.Weekly, confirmed.Frequency);

        // Subscribing again with other choices changes nothing until the new link is used.
        await Host.SubscribeAndConfirmAsync(new { email = "keuzes@example.nl" }, "keuzes@example.nl");
        await using var after = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var changed = await after.LoadAsync<Wijkengids.Community.Subscriptions.SubscriptionView>(id);
        Assert.Empty(changed!.Themes);
        Assert.Empty(changed.Chapters);
        Assert.False(changed.MajorOnly);
        Assert.Equal(Wijkengids.Community.Subscriptions.SubscriptionFrequency.EachUpdate, changed.Frequency);
    }

    [Fact]
    public async Task Per_update_mails_follow_the_choices_major_only_chapters_and_weekly_gets_none()
    {
        await Host.SubscribeAndConfirmAsync(new { email = "groot@example.nl", majorOnly = true }, "groot@example.nl");
        await Host.SubscribeAndConfirmAsync(new { email = "hoofdstuk@example.nl", chapters = new[] { "1" } }, "hoofdstuk@example.nl");
        await Host.SubscribeAndConfirmAsync(new { email = "wekelijks@example.nl", frequency = "wekelijks" }, "wekelijks@example.nl");
        await Host.SubscribeAndConfirmAsync(new { email = "elke@example.nl", frequency = "elke-update" }, "elke@example.nl");

        await Host.PublishAndWaitAsync(MailHelpers.EditionOf(301,
            ("Nieuwe les in hoofdstuk 1", "major", ["wonen"], ["1"]), ("Verbeterde zin in hoofdstuk 2", "minor", ["zorg"], ["2"])));
        await Host.PublishAndWaitAsync(MailHelpers.EditionOf(302, ("Kleine correctie in hoofdstuk 2", "minor", ["zorg"], ["2"])));

        var major = Editions(await Host.MailsToAsync("groot@example.nl"));
        var only = Assert.Single(major);
        Assert.StartsWith("Update 301", only.Subject);
        Assert.Contains("Nieuwe les in hoofdstuk 1", only.Text);
        Assert.DoesNotContain("Verbeterde zin", only.Text);

        var chapter = Assert.Single(Editions(await Host.MailsToAsync("hoofdstuk@example.nl")));
        Assert.StartsWith("Update 301", chapter.Subject);
        Assert.Contains("Nieuwe les in hoofdstuk 1", chapter.Text);
        Assert.DoesNotContain("hoofdstuk 2", chapter.Text);

        Assert.Empty(Editions(await Host.MailsToAsync("wekelijks@example.nl")));
        Assert.Equal(2, Editions(await Host.MailsToAsync("elke@example.nl")).Count);
    }

    private static List<DevMail> Editions(IEnumerable<DevMail> mails) =>
        mails.Where(m => m.Subject.StartsWith("Update 30", StringComparison.Ordinal)).ToList();

    /// <summary>Subscribes and waits until every mail the request sends has been delivered.</summary>
    private async Task<string> SubscribeAsync(string email, params string[] themes) =>
        (await Host.TrackedAsync(() => Host.Scenario(s =>
        {
            s.Post.Json(new { email, themes }).ToUrl("/api/community/subscriptions");
            s.StatusCodeShouldBe(202);
        }))).ReadAsText();

    private async Task<Guid> SubscriptionIdAsync(string email)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Query<Wijkengids.Community.Subscriptions.SubscriptionView>().SingleAsync(s => s.Email == email)).Id;
    }
}
