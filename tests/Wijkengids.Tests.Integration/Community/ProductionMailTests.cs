using Alba;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

/// <summary>The host as in Production without SMTP settings: no development mailbox, and mail that cannot go is recorded as failed.</summary>
public sealed class ProductionFixture : HostFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["environment"] = "Production",
        // Plain HTTP in the tests (docs/adr/0078).
        ["Https:Required"] = "false",
    };
}

public sealed class ProductionMailTests(ProductionFixture fixture) : IClassFixture<ProductionFixture>
{
    [Fact]
    public async Task The_development_mailbox_does_not_exist_and_unsendable_mail_is_a_visible_failure()
    {
        var host = fixture.Host;
        await host.Scenario(s =>
        {
            s.Get.Url("/dev/mail");
            s.StatusCodeShouldBe(404);
        });
        await host.TrackedAsync(_ => host.Scenario(s =>
        {
            s.Post.Json(new { email = "productie@example.nl" }).ToUrl("/api/community/subscriptions");
            s.StatusCodeShouldBe(202);
        }));

        // No dev accounts in Production: read the progress through the module's own query.
        await using var scope = host.Services.CreateAsyncScope();
        var mailings = await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new Wijkengids.Community.Mail.ListMailings());
        var failure = Assert.Single(mailings.SelectMany(m => m.Failures), f => f.To == "productie@example.nl");
        Assert.Contains("SMTP", failure.Error);
    }
}
