using System.Text.Json;
using Alba;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>Text with line breaks is stored with LF and without spaces at line ends, whether a browser form or an API client sent it.</summary>
[Collection(SharedHosts.Platform)]
public sealed class LineEndingTests(PlatformHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task A_reaction_sent_through_the_api_with_crlf_is_stored_with_lf_and_no_trailing_spaces()
    {
        var marker = Guid.NewGuid().ToString("N");
        await Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                about = "sectie:1.4", name = "Lia Lezer", email = "lezer@example.nl", consent = true, showName = true,
                message = $"Eerste regel {marker}.  \r\nTweede regel.\t\r\n\r\nDerde alinea.",
            }).ToUrl("/api/contributions/reactions");
            s.StatusCodeShouldBe(201);
        });
        Assert.Equal($"Eerste regel {marker}.\nTweede regel.\n\nDerde alinea.", await StoredMessageAsync(marker));
    }

    [Fact]
    public async Task A_reaction_posted_from_the_form_with_crlf_is_stored_with_lf()
    {
        var marker = Guid.NewGuid().ToString("N");
        var (_, token, antiforgery) = await Host.FormTokenAsync("/reageren", "");
        await Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["About"] = "algemeen", ["Name"] = "Ria Reageerder", ["Email"] = "ria@example.nl", ["Consent"] = "true",
                ["Message"] = $"Regel een {marker}. \r\nRegel twee.", ["__RequestVerificationToken"] = token,
            }).ToUrl("/reageren");
            s.As(antiforgery);
            s.StatusCodeShouldBe(200); // the outcome is shown on the same page
        });
        Assert.Equal($"Regel een {marker}.\nRegel twee.", await StoredMessageAsync(marker));
    }

    [Fact]
    public async Task A_single_line_value_is_left_exactly_as_sent()
    {
        // Passwords and names have no line break: their spaces are theirs.
        var email = $"spatie-{Guid.NewGuid():N}@example.nl";
        var admin = await Host.LoginAsRoleAsync("admin");
        await Host.Scenario(s =>
        {
            s.Post.Json(new { email, displayName = "Sam Spatie", password = "een lang wachtwoord  ", roles = new[] { "contributor" } })
                .ToUrl("/api/community/accounts"); s.As(admin);
            s.StatusCodeShouldBe(201);
        });
        await Host.LoginAsync(email, "een lang wachtwoord  ");
    }

    private async Task<string> StoredMessageAsync(string marker)
    {
        var editor = await Host.LoginAsRoleAsync("editor");
        var queue = (await Host.Scenario(s => { s.Get.Url("/api/contributions/moderation/reactions?status=alle"); s.As(editor); }))
            .ReadAsJson<JsonElement[]>();
        return queue.Single(r => r.GetProperty("message").GetString()!.Contains(marker)).GetProperty("message").GetString()!;
    }
}
