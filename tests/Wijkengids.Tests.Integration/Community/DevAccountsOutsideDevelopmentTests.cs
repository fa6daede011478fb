using System.Net;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Contracts;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

/// <summary>Development accounts and the development password never sign in outside Development (docs/adr/0079).</summary>
public sealed class DevAccountsOutsideDevelopmentTests
{
    /// <summary>What a host in Production needs in the tests: no HTTPS redirect, a master key.</summary>
    public static Dictionary<string, string?> ProductionSettings() => new()
    {
        ["environment"] = "Production",
        ["Https:Required"] = "false",
        ["Security:MasterKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
    };

    [Fact]
    public async Task After_a_restart_in_production_the_development_accounts_are_disabled_with_an_event_and_a_warning()
    {
        var connection = await TestDatabase.CreateDatabaseAsync("devaccounts");
        await using (var development = await AppFactory.StartOnAsync(connection))
        {
            var admin = await development.LoginAsRoleAsync("admin");
            await OpenAccountAsync(development, admin, "gewoon@example.nl", DevAccounts.Password);
            await OpenAccountAsync(development, admin, "eigen@example.nl", "een-eigen-lang-wachtwoord");
            // In Development both work, the development password included.
            await development.LoginAsync("gewoon@example.nl");
            await development.LoginAsync("eigen@example.nl", "een-eigen-lang-wachtwoord");
        }

        var logs = new LogCollector();
        await using var production = await AppFactory.StartOnAsync(connection, ProductionSettings(), s => s.AddSingleton<ILoggerProvider>(logs));

        foreach (var (email, _, _) in DevAccounts.All)
        {
            (await production.Scenario(s =>
            {
                s.Post.Json(new { email, password = DevAccounts.Password }).ToUrl("/api/auth/login");
                s.StatusCodeShouldBe(401);
            })).ShouldBeProblem(401);
        }
        // The development password is refused for any account; the same kind of account with its own password works.
        (await production.Scenario(s =>
        {
            s.Post.Json(new { email = "gewoon@example.nl", password = DevAccounts.Password }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        })).ShouldBeProblem(401);
        await production.LoginAsync("eigen@example.nl", "een-eigen-lang-wachtwoord");

        await using var session = production.Services.GetRequiredService<IDocumentStore>().QuerySession();
        foreach (var (email, _, _) in DevAccounts.All)
        {
            var account = await session.Query<AccountView>().SingleAsync(a => a.Email == email);
            Assert.False(account.Active);
            var disabled = Assert.IsType<AccountDisabled>((await session.Events.FetchStreamAsync(account.Id)).Last().Data);
            Assert.Equal(DevAccountSeeder.DisabledReason, disabled.Reason);
        }
        var others = await session.Query<AccountView>().Where(a => a.Email.EndsWith("@example.nl")).ToListAsync();
        Assert.All(others, a => Assert.True(a.Active));

        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Ontwikkelaccounts uitgeschakeld"));
        Assert.All(DevAccounts.All, a => Assert.Contains(a.Email, warning.Message));

        // The development mailbox does not exist here, not even for this machine.
        await production.Scenario(s =>
        {
            s.FromThisMachine().Get.Url("/dev/mail");
            s.StatusCodeShouldBe(404);
        });
    }

    private static Task OpenAccountAsync(IAlbaHost host, string admin, string email, string password) =>
        host.Scenario(s =>
        {
            s.Post.Json(new { email, displayName = "Gewone Gebruiker", password, roles = new[] { "contributor" } }).ToUrl("/api/community/accounts");
            s.As(admin);
            s.StatusCodeShouldBe(201);
        });
}

/// <summary>The development mailbox answers only in Development and only to this machine.</summary>
[Collection(SharedHosts.Community)]
public sealed class DevMailboxTests(CommunityHost fixture)
{
    [Theory]
    [InlineData("127.0.0.1", 200)]
    [InlineData("::1", 200)]
    [InlineData("::ffff:127.0.0.1", 200)]
    [InlineData("203.0.113.7", 404)]
    [InlineData("10.0.0.5", 404)]
    [InlineData(null, 404)]
    public async Task The_development_mailbox_answers_only_loopback_requests(string? client, int status)
    {
        await fixture.Host.Scenario(s =>
        {
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = client is null ? null : IPAddress.Parse(client));
            s.Get.Url("/dev/mail");
            s.StatusCodeShouldBe(status);
        });
    }
}
