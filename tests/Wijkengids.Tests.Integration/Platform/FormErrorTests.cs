using System.Text.RegularExpressions;
using Alba;
using Wijkengids.Community.Contracts;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>
/// Every form shows a refused post the same way (one FormPageModel, one _Fouten partial, the veld tag helpers): a 400,
/// the error summary at the top with each reason a link to its field, and at the field itself the message, named by
/// the field's aria-describedby, with aria-invalid="true". One form per module.
/// </summary>
[Collection(SharedHosts.Platform)]
public sealed class FormErrorTests(PlatformHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    private async Task<string> PostAsync(string formUrl, string cookie, Dictionary<string, string> form, int status = 400)
    {
        var (_, token, antiforgeryCookie) = await Host.FormTokenAsync(formUrl, cookie);
        formUrl = formUrl.Split('?')[0];
        form["__RequestVerificationToken"] = token;
        var result = await Host.Scenario(s =>
        {
            s.Post.FormData(form).ToUrl(formUrl);
            s.As(cookie.Length == 0 ? antiforgeryCookie : $"{cookie}; {antiforgeryCookie}");
            s.StatusCodeShouldBe(status);
        });
        return result.ReadAsText();
    }

    /// <summary>The summary links to <c>#veld-field</c>; the field carries the inline message, aria-describedby and aria-invalid.</summary>
    private static void ShowsErrorAt(string html, string field)
    {
        var summary = Regex.Match(html, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" id=\"fouten\">(.*?)</div>", RegexOptions.Singleline);
        Assert.True(summary.Success, "Geen foutensamenvatting");
        Assert.Contains($"<a href=\"#veld-{field}\">", summary.Groups[1].Value);
        var message = Regex.Match(html, $"<p class=\"field-error\" id=\"veld-{field}-fout\">([^<]+)</p>");
        Assert.True(message.Success, $"Geen foutmelding bij veld-{field}");
        Assert.Contains($">{message.Groups[1].Value}</a>", summary.Groups[1].Value);
        var control = Regex.Match(html, $"<(input|textarea|select)\\b[^>]*\\bid=\"veld-{field}\"[^>]*>");
        Assert.True(control.Success, $"Geen veld met id veld-{field}");
        Assert.Contains("aria-invalid=\"true\"", control.Value);
        Assert.Matches($"aria-describedby=\"([^\"]* )?veld-{field}-fout\"", control.Value);
    }

    [Fact]
    public async Task Content_item_form_shows_the_missing_title_at_its_field()
    {
        var editor = await Host.LoginAsRoleAsync("editor");
        var html = await PostAsync("/redactie/nieuw?soort=lesson", editor, new()
        {
            ["soort"] = "lesson", ["Form.Title"] = "", ["Form.Statement"] = "Een stelling.", ["Form.Body"] = "Een tekst.",
        });
        ShowsErrorAt(html, "title");
    }

    [Fact]
    public async Task Contributions_reaction_form_shows_the_missing_name_at_its_field()
    {
        var html = await PostAsync("/reageren", "", new()
        {
            ["About"] = "algemeen", ["Name"] = "", ["Email"] = "ria@example.nl", ["Message"] = "Een goede gids.", ["Consent"] = "true",
        });
        ShowsErrorAt(html, "name");
        Assert.Contains("<h2>Uw reactie is nog niet verstuurd</h2>", html);
        Assert.Contains("Een goede gids.</textarea>", html);
    }

    [Fact]
    public async Task Community_registration_shows_the_missing_name_at_its_field()
    {
        var html = await PostAsync("/registreren", "", new()
        {
            ["DisplayName"] = "", ["Email"] = $"nieuw-{Guid.NewGuid():N}@example.nl", ["Password"] = "een-heel-lang-wachtwoord-2026",
        });
        ShowsErrorAt(html, "displayname");
    }

    [Fact]
    public async Task Workshops_request_form_shows_the_missing_organisation_at_its_field()
    {
        var organiser = await Host.LoginAsRoleAsync("organiser");
        var slug = (await Host.DefineFormatAsync(organiser, "Foutweergave " + Guid.NewGuid().ToString("N")[..6])).GetProperty("slug").GetString()!;
        var area = (await Host.WorkshopDirectoryAsync()).Areas.First();
        var contributor = await Host.LoginAsRoleAsync("contributor");
        var html = await PostAsync($"/werkateliers/{slug}/aanvragen", contributor, new()
        {
            ["AreaId"] = area.Id.ToString(), ["Organisation"] = "", ["ContactName"] = "Carla", ["ContactEmail"] = "carla@example.nl",
            ["Participants"] = "10", ["Goals"] = "Samen de wijk verbeteren.",
        });
        ShowsErrorAt(html, "organisation");
        Assert.Contains("<h2>Uw aanvraag is nog niet verstuurd</h2>", html);
    }

    [Fact]
    public async Task Audit_search_form_shows_a_wrong_period_at_its_field()
    {
        var auditor = await Host.LoginAsRoleAsync("auditor");
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/audit?van=2026-02-01&tot=2026-01-01"); s.As(auditor);
            s.StatusCodeShouldBe(400);
        });
        ShowsErrorAt(result.ReadAsText(), "tot");
    }

    [Fact]
    public async Task A_reason_about_no_field_is_in_the_summary_only()
    {
        var html = await PostAsync("/inloggen", "", new() { ["Email"] = "niemand@example.nl", ["Password"] = "fout-fout-fout" }, status: 401);
        var summary = Regex.Match(html, "<div class=\"error-summary\"[^>]*>(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<h2>Inloggen is niet gelukt</h2>", summary);
        Assert.DoesNotContain("<a href=\"#", summary);
        Assert.DoesNotContain("aria-invalid", html);
    }
}
