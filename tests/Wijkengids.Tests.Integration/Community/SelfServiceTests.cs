using System.Text.Json;
using Alba;
using Wijkengids.Contributions.Contracts;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

/// <summary>Self-registration with e-mail confirmation, password reset by mailed link, the profile, contribution notifications.</summary>
[Collection(SharedHosts.Community)]
public sealed class SelfServiceTests(CommunityHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task A_contributor_registers_confirms_the_address_and_then_signs_in()
    {
        var rita = Unique.Email("rita");
        var answer = await RegisterAsync("Rita Registratie", rita, "een-lang-wachtwoord");
        await Host.Scenario(s =>
        {
            s.Post.Json(new { email = rita, password = "een-lang-wachtwoord" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });
        var mail = Assert.Single(await Host.ReceivedMailsAsync(rita, 1));
        var token = MailHelpers.TokenOf(MailHelpers.LinkTo(mail.Text, "/registreren/bevestigen"));
        await Host.Scenario(s => { s.Post.Json(new { token }).ToUrl("/api/community/registrations/confirm"); s.StatusCodeShouldBe(200); });
        (await Host.Scenario(s => { s.Post.Json(new { token }).ToUrl("/api/community/registrations/confirm"); s.StatusCodeShouldBe(409); }))
            .ShouldBeProblem(409);

        var cookie = await Host.LoginAsync(rita, "een-lang-wachtwoord");
        var me = (await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); })).ReadAsJson<JsonElement>();
        Assert.Equal("Rita Registratie", me.GetProperty("displayName").GetString());
        Assert.Equal(["contributor"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());

        // Registering a taken address answers the same and tells the owner, not the asker.
        Assert.Equal(answer, await RegisterAsync("Iemand Anders", rita, "nog-een-lang-wachtwoord"));
        var second = (await Host.ReceivedMailsAsync(rita, 2))[1];
        Assert.Equal("U hebt al een account bij de Wijkengids", second.Subject);
        await Host.LoginAsync(rita, "een-lang-wachtwoord");
    }

    [Fact]
    public async Task A_password_reset_link_works_once_and_the_answer_never_tells_whether_the_address_exists()
    {
        var piet = Unique.Email("piet");
        var before = await RegisterAndConfirmAsync("Piet Paswoord", piet, "het-oude-wachtwoord");
        var known = await RequestResetAsync(piet);
        var unknown = await RequestResetAsync("niemand-bekend@example.nl");
        Assert.Equal(known, unknown);

        var mail = (await Host.ReceivedMailsAsync(piet, 2))[1];
        var token = MailHelpers.TokenOf(MailHelpers.LinkTo(mail.Text, "/wachtwoord-herstellen"));
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { token, newPassword = "kort" }).ToUrl("/api/community/password-resets/complete");
            s.StatusCodeShouldBe(400);
        })).ShouldBeProblem(400);
        await Host.Scenario(s =>
        {
            s.Post.Json(new { token, newPassword = "het-nieuwe-wachtwoord" }).ToUrl("/api/community/password-resets/complete");
            s.StatusCodeShouldBe(200);
        });
        // Whoever knew the old password is signed out everywhere (ADR 76).
        await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(before); s.StatusCodeShouldBe(401); });
        await Host.LoginAsync(piet, "het-nieuwe-wachtwoord");
        // Used once: the link is dead, and says so.
        var reused = await Host.Scenario(s =>
        {
            s.Post.Json(new { token, newPassword = "weer-een-ander-wachtwoord" }).ToUrl("/api/community/password-resets/complete");
            s.StatusCodeShouldBe(409);
        });
        Assert.Contains("al gebruikt", reused.ShouldBeProblem(409).GetProperty("detail").GetString());
        await Host.LoginAsync(piet, "het-nieuwe-wachtwoord");
    }

    [Fact]
    public async Task The_profile_changes_the_name_and_the_password_with_the_current_one()
    {
        var pim = Unique.Email("pim");
        var cookie = await RegisterAndConfirmAsync("Pim Profiel", pim, "het-eerste-wachtwoord");
        var wrong = await Host.Scenario(s =>
        {
            s.Put.Json(new { displayName = "Pim", currentPassword = "fout-fout-fout", newPassword = "het-tweede-wachtwoord" }).ToUrl("/api/community/me/profile");
            s.As(cookie);
            s.StatusCodeShouldBe(422);
        });
        Assert.Contains("huidige wachtwoord", wrong.ShouldBeProblem(422).GetProperty("detail").GetString());
        await Host.Scenario(s =>
        {
            s.Put.Json(new { displayName = "Pim P.", currentPassword = "het-eerste-wachtwoord", newPassword = "het-tweede-wachtwoord" })
                .ToUrl("/api/community/me/profile");
            s.As(cookie);
            s.StatusCodeShouldBe(200);
        });
        var again = await Host.LoginAsync(pim, "het-tweede-wachtwoord");
        Assert.Equal("Pim P.", (await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(again); })).ReadAsJson<JsonElement>().GetProperty("displayName").GetString());
        Assert.Contains(pim, (await Host.Scenario(s => { s.Get.Url("/profiel"); s.As(again); })).ReadAsText());
    }

    [Fact]
    public async Task A_contributor_gets_one_mail_when_the_status_of_a_contribution_changes()
    {
        var bea = Unique.Email("bea");
        var guestAddress = Unique.Email("gast");
        await RegisterAndConfirmAsync("Bea Bijdrage", bea, "een-lang-wachtwoord");
        var cookie = await Host.LoginAsync(bea, "een-lang-wachtwoord");
        var id = (await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); })).ReadAsJson<JsonElement>().GetProperty("id").GetString();
        var change = new ContributionStatusChanged(Guid.NewGuid(), "voorstel", Guid.Parse(id!), "geaccepteerd", "Dank, we nemen het op in de volgende update.",
            "/mijn-bijdragen/1", DateTimeOffset.UtcNow);
        await Host.PublishAndWaitAsync(change);
        await Host.PublishAndWaitAsync(change);

        var mail = (await Host.ReceivedMailsAsync(bea, 2))[1];
        Assert.Equal("Uw voorstel bij de Wijkengids: geaccepteerd", mail.Subject);
        Assert.Contains("Dank, we nemen het op", mail.Text);
        Assert.Contains("/mijn-bijdragen/1", mail.Text);
        Assert.Equal(2, (await Host.MailsToAsync(bea)).Count);

        await Host.PublishAndWaitAsync(change with { ContributionId = Guid.NewGuid(), ContributorAccountId = null });
        await Host.PublishAndWaitAsync(change with { ContributionId = Guid.NewGuid(), ContributorAccountId = Guid.NewGuid() });
        Assert.Equal(2, (await Host.MailsToAsync(bea)).Count);

        // Without an account, a sender who left a contact address for an answer hears it there.
        await Host.PublishAndWaitAsync(change with { ContributionId = Guid.NewGuid(), ContributorAccountId = null, Kind = "reactie", Status = "beantwoord",
            ContactEmail = guestAddress, ContactName = "Gerda Gast" });
        var guest = Assert.Single(await Host.ReceivedMailsAsync(guestAddress, 1));
        Assert.Equal("Uw reactie bij de Wijkengids: beantwoord", guest.Subject);
        Assert.Contains("Beste Gerda Gast", guest.Text);
    }

    /// <summary>Registers and waits until every mail the registration sends has been delivered.</summary>
    private async Task<string> RegisterAsync(string name, string email, string password) =>
        (await Host.TrackedAsync(() => Host.Scenario(s =>
        {
            s.Post.Json(new { displayName = name, email, password }).ToUrl("/api/community/registrations");
            s.StatusCodeShouldBe(202);
        }))).ReadAsText();

    /// <summary>Asks for a reset link and waits until every mail the request sends has been delivered.</summary>
    private async Task<string> RequestResetAsync(string email) =>
        (await Host.TrackedAsync(() => Host.Scenario(s =>
        {
            s.Post.Json(new { email }).ToUrl("/api/community/password-resets");
            s.StatusCodeShouldBe(202);
        }))).ReadAsText();

    private async Task<string> RegisterAndConfirmAsync(string name, string email, string password)
    {
        await RegisterAsync(name, email, password);
        var mail = Assert.Single(await Host.ReceivedMailsAsync(email, 1));
        await Host.Scenario(s =>
        {
            s.Post.Json(new { token = MailHelpers.TokenOf(MailHelpers.LinkTo(mail.Text, "/registreren/bevestigen")) }).ToUrl("/api/community/registrations/confirm");
            s.StatusCodeShouldBe(200);
        });
        return await Host.LoginAsync(email, password);
    }
}
