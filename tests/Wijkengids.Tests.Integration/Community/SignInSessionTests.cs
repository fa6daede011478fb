using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

/// <summary>
/// Sessions end for real (ADR 76): a saved cookie stops working after logout, after "overal uitloggen" and after a
/// password change, and the account's history says so.
/// </summary>
[Collection(SharedHosts.Community)]
public sealed class SignInSessionTests(CommunityHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task A_cookie_saved_before_logout_gets_401_afterwards_and_the_other_session_lives_on()
    {
        var lotte = Unique.Email("lotte");
        var (id, saved) = await Host.OpenContributorAsync("Lotte Logout", lotte);
        var otherDevice = await Host.LoginAsync(lotte, "een-lang-wachtwoord");

        await Host.Scenario(s => { s.Post.Json(new { }).ToUrl("/api/auth/logout"); s.As(saved); s.StatusCodeShouldBe(204); });

        await ShouldBeSignedOutAsync(saved);
        (await Host.Scenario(s =>
        {
            s.Put.Json(new { displayName = "Overgenomen" }).ToUrl("/api/community/me/profile"); s.As(saved);
            s.StatusCodeShouldBe(401);
        })).ShouldBeProblem(401);
        await ShouldBeSignedInAsync(otherDevice);
        Assert.Contains("AccountSignedOut", await EventsOfAsync(id));
    }

    [Fact]
    public async Task After_a_password_change_an_older_cookie_no_longer_works_and_the_changer_gets_a_new_session()
    {
        var wim = Unique.Email("wim");
        var (id, older) = await Host.OpenContributorAsync("Wim Wachtwoord", wim);
        var changer = await Host.LoginAsync(wim, "een-lang-wachtwoord");

        var changed = await Host.Scenario(s =>
        {
            s.Put.Json(new { displayName = "Wim Wachtwoord", currentPassword = "een-lang-wachtwoord", newPassword = "een-nieuw-wachtwoord" })
                .ToUrl("/api/community/me/profile");
            s.As(changer);
            s.StatusCodeShouldBe(200);
        });
        var renewed = changed.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0])
            .Single(c => c.StartsWith("wijkengids.auth=", StringComparison.Ordinal) && c.Length > "wijkengids.auth=".Length);

        await ShouldBeSignedOutAsync(older);
        await ShouldBeSignedOutAsync(changer);
        await ShouldBeSignedInAsync(renewed);
        var events = await EventsOfAsync(id);
        Assert.Equal(["AccountPasswordSet", "AccountSessionsRevoked"], events.TakeLast(2));
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_account_and_no_other()
    {
        var olaf = Unique.Email("olaf");
        var bea = Unique.Email("bea");
        var (id, first) = await Host.OpenContributorAsync("Olaf Overal", olaf);
        var second = await Host.LoginAsync(olaf, "een-lang-wachtwoord");
        var (_, someoneElse) = await Host.OpenContributorAsync("Bea Buurvrouw", bea);
        var editor = await Host.LoginAsRoleAsync("editor");

        await Host.Scenario(s => { s.Post.Json(new { }).ToUrl("/api/auth/logout-everywhere"); s.As(second); s.StatusCodeShouldBe(204); });

        await ShouldBeSignedOutAsync(first);
        await ShouldBeSignedOutAsync(second);
        await ShouldBeSignedInAsync(someoneElse);
        await ShouldBeSignedInAsync(editor);
        Assert.Equal("AccountSessionsRevoked", (await EventsOfAsync(id)).Last());
        // Signing in again starts a session that works.
        await ShouldBeSignedInAsync(await Host.LoginAsync(olaf, "een-lang-wachtwoord"));
        (await Host.Scenario(s => { s.Post.Json(new { }).ToUrl("/api/auth/logout-everywhere"); s.StatusCodeShouldBe(401); })).ShouldBeProblem(401);
    }

    [Fact]
    public async Task The_profile_page_signs_out_everywhere_with_its_form()
    {
        var paula = Unique.Email("paula");
        var (_, elsewhere) = await Host.OpenContributorAsync("Paula Pagina", paula);
        var here = await Host.LoginAsync(paula, "een-lang-wachtwoord");
        var (html, token, antiforgery) = await Host.FormTokenAsync("/profiel", here);
        Assert.Contains("Overal uitloggen", html);
        Assert.Matches("<form method=\"post\" action=\"/profiel\\?handler=Everywhere\"", html);

        var result = await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })
                .ToUrl("/profiel");
            s.ConfigureHttpContext(c => c.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?handler=Everywhere"));
            s.As($"{here}; {antiforgery}");
            s.StatusCodeShouldBe(302);
        });
        Assert.Equal("/inloggen", result.Context.Response.Headers.Location.ToString());
        await ShouldBeSignedOutAsync(here);
        await ShouldBeSignedOutAsync(elsewhere);
    }

    private Task ShouldBeSignedInAsync(string cookie) =>
        Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); s.StatusCodeShouldBe(200); });

    private async Task ShouldBeSignedOutAsync(string cookie) =>
        (await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); s.StatusCodeShouldBe(401); })).ShouldBeProblem(401);

    private async Task<List<string>> EventsOfAsync(string account)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(Guid.Parse(account))).Select(e => e.Data.GetType().Name).ToList();
    }
}
