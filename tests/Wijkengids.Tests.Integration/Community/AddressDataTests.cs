using System.Text.Json;
using Alba;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

/// <summary>
/// People without an account ask for their data and its erasure by a link mailed to their address (docs/adr/0104): they see
/// what every module holds, download it, and erase it; the link works only for that address and only for 24 hours.
/// </summary>
public sealed class AddressDataTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task A_reaction_sender_without_an_account_sees_and_erases_their_data_with_the_mailed_link()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var email = $"zonder-account-{marker}@example.nl";
        await Host.TrackedAsync(_ => Host.Scenario(s =>
        {
            s.Post.Json(new { about = "algemeen", name = $"Zoë {marker}", email, message = $"Mijn reactie {marker}", consent = true, showName = false })
                .ToUrl("/api/contributions/reactions");
            s.StatusCodeShouldBe(201);
        }));

        // The same answer for any address; the link goes only to the address itself.
        IScenarioResult requested = null!;
        await Host.TrackedAsync(async _ => requested = await Host.Scenario(s =>
        {
            s.Post.Json(new { email = email.ToUpperInvariant() }).ToUrl("/api/community/address-data/link");
            s.StatusCodeShouldBe(202);
        }));
        Assert.StartsWith("Dank u. U ontvangt binnen enkele minuten", requested.ReadAsJson<JsonElement>().GetProperty("message").GetString());
        var mail = Assert.Single(await Host.MailsToAsync(email), m => m.Subject == "Uw gegevens bij de Wijkengids");
        var link = MailHelpers.LinkTo(mail.Text, "/gegevens-opvragen/inzien");
        var token = MailHelpers.TokenOf(link);

        var export = (await Host.Scenario(s => s.Get.Url("/api/community/address-data?token=" + Uri.EscapeDataString(token)))).ReadAsJson<JsonElement>();
        Assert.Equal(email, export.GetProperty("email").GetString());
        Assert.Contains($"Mijn reactie {marker}", export.GetProperty("sections").ToString());
        var page = (await Host.Scenario(s => s.Get.Url(new Uri(link).PathAndQuery))).ReadAsText();
        Assert.Contains($"Mijn reactie {marker}", page);
        Assert.Contains("Mijn gegevens wissen", page);

        // A forged link is refused in Dutch, in the API and on the page.
        var forged = Uri.EscapeDataString(token[..^4] + "AAAA");
        (await Host.Scenario(s => { s.Get.Url("/api/community/address-data?token=" + forged); s.StatusCodeShouldBe(422); })).ShouldBeProblem(422);
        var refused = (await Host.Scenario(s => { s.Get.Url("/gegevens-opvragen/inzien?token=" + forged); s.StatusCodeShouldBe(422); })).ReadAsText();
        Assert.Contains("Deze link is verlopen of ongeldig", refused);

        // Erasing on the page asks for confirmation first, then erases everything under the address.
        var (_, antiforgeryToken, antiforgery) = await Host.FormTokenAsync(new Uri(link).PathAndQuery, "");
        Task<IScenarioResult> EraseAsync(bool confirm, int status) => Host.Scenario(s =>
        {
            var form = new Dictionary<string, string> { ["Token"] = token, ["__RequestVerificationToken"] = antiforgeryToken };
            if (confirm) form["Confirm"] = "true";
            s.Post.FormData(form).ToUrl("/gegevens-opvragen/inzien");
            s.ConfigureHttpContext(c => c.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?handler=Erase"));
            s.As(antiforgery);
            s.StatusCodeShouldBe(status);
        });
        var unconfirmed = (await EraseAsync(false, 400)).ReadAsText();
        Assert.Contains("href=\"#veld-confirm\"", unconfirmed);
        Assert.Contains($"Mijn reactie {marker}", (await Host.Scenario(s => s.Get.Url("/api/community/address-data?token=" + Uri.EscapeDataString(token))))
            .ReadAsText());

        IScenarioResult erased = null!;
        await Host.TrackedAsync(async _ => erased = await EraseAsync(true, 302));
        Assert.Equal("/gegevens-opvragen/gewist", erased.Context.Response.Headers.Location.ToString());
        var after = (await Host.Scenario(s => s.Get.Url("/api/community/address-data?token=" + Uri.EscapeDataString(token)))).ReadAsJson<JsonElement>();
        Assert.DoesNotContain(marker, after.GetProperty("sections").ToString()); // only the address of the link itself is left to show
        var editor = await Host.LoginAsRoleAsync("editor");
        var queue = (await Host.Scenario(s => { s.Get.Url("/api/contributions/moderation/reactions?status=alle"); s.As(editor); })).ReadAsText();
        Assert.DoesNotContain(marker, queue);
        Assert.Empty(await Host.MailsToAsync(email)); // the mails to the address were operational records: gone with it
    }

    [Fact]
    public async Task An_address_with_an_account_is_sent_to_my_data_and_its_link_shows_nothing()
    {
        await Host.TrackedAsync(_ => Host.Scenario(s =>
        {
            s.Post.Json(new { email = "contributor@wijkengids.test" }).ToUrl("/api/community/address-data/link");
            s.StatusCodeShouldBe(202);
        }));
        var mail = (await Host.MailsToAsync("contributor@wijkengids.test")).Last(m => m.Subject == "Uw gegevens bij de Wijkengids");
        Assert.Contains("/mijn-gegevens", mail.Text);
        Assert.DoesNotContain("token=", mail.Text.Replace("afmelden?token=", ""));

        var invalid = (await Host.Scenario(s =>
        {
            s.Post.Json(new { email = "geen-adres" }).ToUrl("/api/community/address-data/link");
            s.StatusCodeShouldBe(400);
        })).ShouldBeProblem(400);
        Assert.Contains("Vul een geldig e-mailadres in", invalid.GetProperty("errors").ToString());
    }
}
