using System.Text.Json;
using Alba;
using Wijkengids.Tests.Integration.Content;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

/// <summary>An admin manages accounts and roles and holds no other power unless given it, and never by their own hand.</summary>
[Collection(SharedHosts.Community)]
public sealed class SeparationOfDutiesTests(CommunityHost fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task An_admin_cannot_give_themselves_the_auditor_role_nor_read_the_history_without_it()
    {
        var admin = await Host.LoginAsRoleAsync("admin");
        var id = await Host.MeAsync(admin);
        Assert.Equal(403, await Host.StatusOfAsync("/api/audit/timeline", admin));
        Assert.Equal(403, await Host.StatusOfAsync("/api/content/items", admin));

        var account = (await Host.Scenario(s => { s.Get.Url($"/api/community/accounts/{id}"); s.As(admin); })).ReadAsJson<JsonElement>();
        var refused = (await Host.Scenario(s =>
        {
            s.Put.Json(new { roles = new[] { "admin", "auditor" }, expectedVersion = account.Version(), reason = "even zelf kijken" })
                .ToUrl($"/api/community/accounts/{id}/roles"); s.As(admin);
            s.StatusCodeShouldBe(422);
        })).ShouldBeProblem(422);
        Assert.Contains("eigen rollen", refused.GetProperty("detail").GetString());
        Assert.Equal(403, await Host.StatusOfAsync("/api/audit/timeline", admin));
        var after = (await Host.Scenario(s => { s.Get.Url($"/api/community/accounts/{id}"); s.As(admin); })).ReadAsJson<JsonElement>();
        Assert.Equal(["admin"], after.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }
}
