using System.Text.Json;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Platform;

/// <summary>Several hosts: Wolverine distributes the async projections over the nodes (docs/adr/0008).</summary>
public sealed class ManagedProjectionsFixture : HostFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Wolverine:ManageProjections"] = "true" };
}

public sealed class ManagedProjectionsTests(ManagedProjectionsFixture fixture) : IClassFixture<ManagedProjectionsFixture>
{
    [Fact]
    public async Task With_wolverine_managed_distribution_the_audit_timeline_still_builds_and_the_host_is_ready()
    {
        var host = fixture.Host;
        var admin = await host.LoginAsRoleAsync("admin");
        var auditor = await host.LoginAsRoleAsync("auditor");
        var correlation = "managed-" + Guid.NewGuid().ToString("N");
        await host.TrackedAsync(_ => host.Scenario(s =>
        {
            s.Post.Json(new { email = "verdeeld@example.nl", displayName = "Vera Verdeeld", password = "een-lang-wachtwoord", roles = new[] { "editor" } })
                .ToUrl("/api/community/accounts"); s.As(admin);
            s.WithRequestHeader("X-Correlation-Id", correlation);
            s.StatusCodeShouldBe(201);
        }));
        // The projections run where Wolverine placed them; their stored progress says when they have caught up.
        await host.ProjectionsCaughtUpAsync();

        var entries = (await host.Scenario(s => { s.Get.Url($"/api/audit/timeline?correlationId={correlation}"); s.As(auditor); })).TimelineEntries();
        Assert.Equal(2, entries.Length);

        var ready = await host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBe(200); });
        Assert.Equal("Healthy", ready.ReadAsText());
    }
}
