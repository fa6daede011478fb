using System.Diagnostics;
using System.Text.Json;
using Alba;
using Wijkengids.Community.Accounts;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

/// <summary>
/// Sign-in, registration and password reset answer the same, and do the same work, for a known and an unknown address
/// (docs/adr/0077). The timing itself is measured by bench/timing.sh.
/// </summary>
[Collection(SharedHosts.Community)]
public sealed class AccountEnumerationTests(CommunityHost fixture)
{
    private IAlbaHost Host => fixture.Host;
    private const string Known = "editor@wijkengids.test";

    [Fact]
    public async Task Sign_in_answers_the_same_for_an_unknown_address_as_for_a_wrong_password()
    {
        var wrong = await LoginProblemAsync(Known, "niet-het-goede-wachtwoord");
        var unknown = await LoginProblemAsync("niemand@example.nl", "niet-het-goede-wachtwoord");
        Assert.Equal(wrong.GetProperty("title").GetString(), unknown.GetProperty("title").GetString());
        Assert.Equal(wrong.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
    }

    [Fact]
    public void The_dummy_hash_costs_what_a_real_hash_costs_and_never_verifies()
    {
        // PasswordHasher's v3 format: marker, PRF, iteration count, salt length (13 bytes) – the same for the dummy as for a real hash.
        var real = Convert.FromBase64String(Passwords.Hash(new AccountView(), "een-echt-wachtwoord"));
        var dummy = Convert.FromBase64String(Passwords.DummyHash);
        Assert.Equal(real[..13], dummy[..13]);
        Assert.Equal(real.Length, dummy.Length);
        Assert.False(Passwords.Verify(null, "een-echt-wachtwoord"));
    }

    [Fact]
    public async Task An_unknown_address_is_not_answered_faster_because_its_password_is_checked_against_the_dummy_hash()
    {
        // Without the dummy hash an unknown address costs one query (a few ms) against about a full hash for a known one;
        // interleaved, with medians, the unknown path must cost at least half of the known one.
        await LoginProblemAsync(Known, "opwarmen-opwarmen");
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            known.Add(await TimeAsync(() => LoginProblemAsync(Known, "niet-het-goede-wachtwoord")));
            unknown.Add(await TimeAsync(() => LoginProblemAsync($"onbekend-{i}@example.nl", "niet-het-goede-wachtwoord")));
        }
        var ratio = Median(unknown) / Median(known);
        Assert.True(ratio > 0.5, $"onbekend {Median(unknown):F1} ms, bekend {Median(known):F1} ms (verhouding {ratio:F2})");
    }

    [Fact]
    public async Task Registration_answers_the_same_and_mails_either_way()
    {
        var newcomer = Unique.Email("nieuw-iemand");
        var known = await PostAsync("/api/community/registrations", new { displayName = "Iemand", email = Known, password = "een-lang-wachtwoord" });
        var unknown = await PostAsync("/api/community/registrations",
            new { displayName = "Nieuw Iemand", email = newcomer, password = "een-lang-wachtwoord" });
        Assert.Equal(known, unknown);
        Assert.Equal("U hebt al een account bij de Wijkengids", (await Host.ReceivedMailAsync(Known, "U hebt al een account")).Subject);
        Assert.Equal("Bevestig uw e-mailadres voor de Wijkengids", Assert.Single(await Host.ReceivedMailsAsync(newcomer, 1)).Subject);
    }

    [Fact]
    public async Task Password_reset_answers_the_same_and_mails_either_way()
    {
        var stranger = Unique.Email("onbekend-herstel");
        var known = await PostAsync("/api/community/password-resets", new { email = "organiser@wijkengids.test" });
        var unknown = await PostAsync("/api/community/password-resets", new { email = stranger });
        Assert.Equal(known, unknown);
        var link = await Host.ReceivedMailAsync("organiser@wijkengids.test", "Nieuw wachtwoord");
        Assert.Contains("/wachtwoord-herstellen?token=", link.Text);
        var none = Assert.Single(await Host.ReceivedMailsAsync(stranger, 1));
        Assert.StartsWith("Geen account", none.Subject);
        Assert.Contains("/registreren", none.Text);
        Assert.DoesNotContain("token=", none.Text);
    }

    /// <summary>Posts and waits until every mail the request sends has been delivered.</summary>
    private async Task<string> PostAsync(string url, object body) =>
        (await Host.TrackedAsync(() => Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.StatusCodeShouldBe(202);
        }))).ReadAsText();

    private async Task<JsonElement> LoginProblemAsync(string email, string password) =>
        (await Host.Scenario(s =>
        {
            s.Post.Json(new { email, password }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        })).ShouldBeProblem(401);

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
