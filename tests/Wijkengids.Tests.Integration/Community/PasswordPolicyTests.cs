using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Contracts;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

/// <summary>Besides 12 characters: no common password, none made of the address or the site's name – wherever a password is set.</summary>
[Collection(SharedHosts.Community)]
public sealed class PasswordPolicyTests(CommunityHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Theory]
    [InlineData("password1234", null)]
    [InlineData("P@ssw0rd2024!", null)]
    [InlineData("Qwertyuiop123", null)]
    [InlineData("1qaz2wsx3edc", null)]
    [InlineData("wachtwoord2026!", null)]
    [InlineData("!!Welkom123456", null)]
    public void Common_passwords_are_refused_whatever_the_case_digits_or_substitutions(string password, string? email) =>
        Assert.Equal(Passwords.TooCommon, Passwords.Refusal(password, email));

    [Theory]
    [InlineData("Wijkengids2026!", "iemand@example.nl")]
    [InlineData("WIJKENGIDS-wijkengids", "iemand@example.nl")]
    [InlineData("wijkengids-password", "iemand@example.nl")]
    [InlineData("rita.registratie@example.nl", "rita.registratie@example.nl")]
    [InlineData("Rita.Registratie-2026", "rita.registratie@example.nl")]
    public void Passwords_made_of_the_address_or_the_site_name_are_refused(string password, string email) =>
        Assert.Equal(Passwords.MadeOfAddressOrSite, Passwords.Refusal(password, email));

    [Theory]
    [InlineData("een-lang-wachtwoord", "rita@example.nl")]
    [InlineData("paarse-fiets-onder-de-brug", "rita@example.nl")]
    [InlineData("rita-fietst-graag-naar-zee", "rita@example.nl")]
    [InlineData("wijkengids-is-een-mooie-gids", "rita@example.nl")]
    public void Other_passwords_are_allowed(string password, string email) => Assert.Null(Passwords.Refusal(password, email));

    [Fact]
    public async Task The_development_password_is_still_allowed_and_seeds_every_development_account()
    {
        foreach (var account in DevAccounts.All) Assert.Null(Passwords.Refusal(DevAccounts.Password, account.Email));
        foreach (var account in DevAccounts.All) await Host.LoginAsync(account.Email);
    }

    [Fact]
    public async Task Registration_refuses_a_common_password_with_a_Dutch_reason()
    {
        var email = Unique.Email("gewoon");
        var problem = await Expect400Async(s => s.Post.Json(new { displayName = "Gewoon Iemand", email, password = "Password12345" })
            .ToUrl("/api/community/registrations"));
        Assert.Equal(Passwords.TooCommon, problem.GetProperty("errors").GetProperty("password")[0].GetString());
        Assert.Empty(await Host.MailsToAsync(email));
    }

    [Fact]
    public async Task The_registration_page_shows_the_reason()
    {
        var page = await Host.Scenario(s => s.Get.Url("/registreren"));
        var token = Regex.Match(page.ReadAsText(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = page.Context.Response.Headers.SetCookie.ToString().Split(';')[0];
        var refused = await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["DisplayName"] = "Pagina Persoon", ["Email"] = "pagina@example.nl", ["Password"] = "pagina@example.nl", ["__RequestVerificationToken"] = token,
            }).ToUrl("/registreren");
            s.WithRequestHeader("Cookie", cookie);
            s.StatusCodeShouldBe(400);
        });
        Assert.Contains("mag niet (vooral) bestaan uit uw e-mailadres", refused.ReadAsText());
    }

    [Fact]
    public async Task An_admin_cannot_open_an_account_with_the_site_name_as_password()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var problem = await Expect400Async(s =>
        {
            s.Post.Json(new { email = "nieuw@example.nl", displayName = "Nieuw", password = "Wijkengids2026!", roles = new[] { "contributor" } })
                .ToUrl("/api/community/accounts");
            s.As(admin);
        });
        Assert.Equal(Passwords.MadeOfAddressOrSite, problem.GetProperty("errors").GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task Reset_and_profile_change_refuse_common_passwords_and_the_own_address()
    {
        var email = Unique.Email("wisselaar");
        var local = email.Split('@')[0];
        var admin = await Host.LoginAsRoleAsync("admin");
        await Host.Scenario(s =>
        {
            s.Post.Json(new { email, displayName = "Wisselaar", password = "een-lang-wachtwoord", roles = new[] { "contributor" } })
                .ToUrl("/api/community/accounts");
            s.As(admin);
            s.StatusCodeShouldBe(201);
        });
        var cookie = await Host.LoginAsync(email, "een-lang-wachtwoord");
        foreach (var (password, reason) in new[] { ("Football12345", Passwords.TooCommon), ("W" + local[1..] + "-2026!", Passwords.MadeOfAddressOrSite) })
        {
            var problem = await Expect400Async(s =>
            {
                s.Put.Json(new { displayName = "Wisselaar", currentPassword = "een-lang-wachtwoord", newPassword = password }).ToUrl("/api/community/me/profile");
                s.As(cookie);
            });
            Assert.Equal(reason, problem.GetProperty("errors").GetProperty("newPassword")[0].GetString());
        }

        await Host.TrackedAsync(_ => Host.Scenario(s => { s.Post.Json(new { email }).ToUrl("/api/community/password-resets"); s.StatusCodeShouldBe(202); }));
        var mail = Assert.Single(await Host.ReceivedMailsAsync(email, 1));
        Assert.StartsWith("Nieuw wachtwoord", mail.Subject);
        var token = MailHelpers.TokenOf(MailHelpers.LinkTo(mail.Text, "/wachtwoord-herstellen"));
        foreach (var (password, reason) in new[] { ("iloveyou-2026", Passwords.TooCommon), (email + "!", Passwords.MadeOfAddressOrSite) })
        {
            var problem = await Expect400Async(s => s.Post.Json(new { token, newPassword = password }).ToUrl("/api/community/password-resets/complete"));
            Assert.Equal(reason, problem.GetProperty("errors").GetProperty("newPassword")[0].GetString());
        }
        // The refused attempts did not use up the link.
        await Host.Scenario(s =>
        {
            s.Post.Json(new { token, newPassword = "een-heel-ander-wachtwoord" }).ToUrl("/api/community/password-resets/complete");
            s.StatusCodeShouldBe(200);
        });
        await Host.LoginAsync(email, "een-heel-ander-wachtwoord");
    }

    private async Task<JsonElement> Expect400Async(Action<Scenario> configure) =>
        (await Host.Scenario(s =>
        {
            configure(s);
            s.StatusCodeShouldBe(400);
        })).ShouldBeProblem(400);
}
