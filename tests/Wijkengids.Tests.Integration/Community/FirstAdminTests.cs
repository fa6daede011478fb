using System.Diagnostics;
using System.Text.Json;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Community.Accounts;
using Wijkengids.SharedKernel;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Community;

public sealed class FirstAdminFixture : HostFixture
{
    public ShiftableClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>`admin create`: an admin with a single-use, expiring link to choose the password (docs/adr/0080).</summary>
public sealed class FirstAdminTests(FirstAdminFixture fixture) : IClassFixture<FirstAdminFixture>
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task The_printed_link_sets_the_password_once_and_makes_a_working_admin()
    {
        var (exit, output) = await Host.TrackedAsync(() => RunAsync("create", "--email", "Eerste@Example.nl", "--name", "Eerste Beheerder"));
        Assert.Equal(0, exit);
        Assert.Contains("Beheerder eerste@example.nl (Eerste Beheerder) aangemaakt", output);
        var token = MailHelpers.TokenOf(MailHelpers.LinkTo(output, "/wachtwoord-herstellen"));
        // The site can mail here (the development mailbox): the same link arrives by mail.
        var mail = Assert.Single(await Host.ReceivedMailsAsync("eerste@example.nl", 1));
        Assert.StartsWith("Kies uw wachtwoord", mail.Subject);
        Assert.Equal(token, MailHelpers.TokenOf(MailHelpers.LinkTo(mail.Text, "/wachtwoord-herstellen")));

        // The password must pass the password rules.
        (await CompleteAsync(token, "kort", 400)).ShouldBeProblem(400);
        await CompleteAsync(token, "het-eerste-beheerderswachtwoord", 200);
        var reused = await CompleteAsync(token, "nog-een-beheerderswachtwoord", 409);
        Assert.Contains("al gebruikt", reused.ShouldBeProblem(409).GetProperty("detail").GetString());

        var cookie = await Host.LoginAsync("eerste@example.nl", "het-eerste-beheerderswachtwoord");
        var me = (await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(cookie); })).ReadAsJson<JsonElement>();
        Assert.Equal(["admin"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        await Host.Scenario(s => { s.Get.Url("/beheer/accounts"); s.As(cookie); s.StatusCodeShouldBe(200); });
        await Host.Scenario(s => { s.Get.Url("/api/community/accounts"); s.As(cookie); s.StatusCodeShouldBe(200); });

        // Opened like any account, by the system actor with the command's reason.
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var id = Guid.Parse(me.GetProperty("id").GetString()!);
        var events = await session.Events.FetchStreamAsync(id);
        var opened = Assert.IsType<AccountOpened>(events[0].Data);
        Assert.Equal(["admin"], opened.Roles);
        Assert.Equal(IRequestContext.SystemActor, events[0].UserName);
        Assert.Equal(CreateAdminHandler.Reason, events[0].GetHeader("reason")?.ToString());
    }

    [Fact]
    public async Task An_existing_address_is_refused_unless_reset_which_makes_it_admin_and_voids_the_old_password()
    {
        var first = MailHelpers.TokenOf(MailHelpers.LinkTo((await RunAsync("create", "--email", "bestaand@example.nl")).Output, "/wachtwoord-herstellen"));
        await CompleteAsync(first, "het-oude-beheerderswachtwoord", 200);
        var session = await Host.LoginAsync("bestaand@example.nl", "het-oude-beheerderswachtwoord");

        var (exit, output) = await RunAsync("create", "--email", "bestaand@example.nl");
        Assert.Equal(3, exit);
        Assert.Contains("Er bestaat al een account met dit e-mailadres", output);
        Assert.DoesNotContain("wachtwoord-herstellen", output);

        (exit, output) = await RunAsync("create", "--email", "bestaand@example.nl", "--reset");
        Assert.Equal(0, exit);
        // The old password and the sessions signed in with it end.
        await Host.Scenario(s => { s.Get.Url("/api/auth/me"); s.As(session); s.StatusCodeShouldBe(401); });
        await Host.Scenario(s =>
        {
            s.Post.Json(new { email = "bestaand@example.nl", password = "het-oude-beheerderswachtwoord" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });
        await CompleteAsync(MailHelpers.TokenOf(MailHelpers.LinkTo(output, "/wachtwoord-herstellen")), "het-nieuwe-beheerderswachtwoord", 200);
        await Host.LoginAsync("bestaand@example.nl", "het-nieuwe-beheerderswachtwoord");
    }

    [Fact]
    public async Task A_link_older_than_24_hours_is_refused()
    {
        var (_, output) = await RunAsync("create", "--email", "laat@example.nl");
        var token = MailHelpers.TokenOf(MailHelpers.LinkTo(output, "/wachtwoord-herstellen"));
        fixture.Clock.Offset = TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1);
        try
        {
            var expired = await CompleteAsync(token, "een-te-laat-wachtwoord", 422);
            Assert.Contains("verlopen of ongeldig", expired.ShouldBeProblem(422).GetProperty("detail").GetString());
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
        await Host.Scenario(s =>
        {
            s.Post.Json(new { email = "laat@example.nl", password = "een-te-laat-wachtwoord" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });
    }

    [Theory]
    [InlineData(2, "create")]
    [InlineData(2, "create", "--email")]
    [InlineData(2, "create", "--email", "geen-adres")]
    [InlineData(2, "create", "--email", "admin@wijkengids.test")]
    [InlineData(2, "maak", "--email", "x@example.nl")]
    [InlineData(0, "--help")]
    public async Task Wrong_arguments_change_nothing_and_say_how(int expected, params string[] args)
    {
        var (exit, output) = await RunAsync(args);
        Assert.Equal(expected, exit);
        Assert.DoesNotContain("wachtwoord-herstellen", output);
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await new AdminCommand { Output = output }.RunAsync(args, Host.Services, CancellationToken.None);
        return (exit, output.ToString());
    }

    private Task<IScenarioResult> CompleteAsync(string token, string newPassword, int status) =>
        Host.Scenario(s =>
        {
            s.Post.Json(new { token, newPassword }).ToUrl("/api/community/password-resets/complete");
            s.StatusCodeShouldBe(status);
        });
}

/// <summary>The real command line in Production: `Wijkengids.Host admin create`, then the site on the same database.</summary>
public sealed class FirstAdminCommandLineTests
{
    [Fact]
    public async Task Admin_create_on_the_command_line_makes_the_first_admin_of_a_production_site()
    {
        var connection = await TestDatabase.CreateDatabaseAsync("admincli");
        var settings = DevAccountsOutsideDevelopmentTests.ProductionSettings();
        var (exit, output) = await RunHostAsync(connection, settings, "admin", "create", "--email", "cli@example.nl", "--name", "Carla Commandoregel");
        Assert.True(exit == 0, $"exit {exit}:\n{output}");
        Assert.Contains("de link is niet gemaild", output);
        var link = MailHelpers.LinkTo(output, "/wachtwoord-herstellen");
        Assert.StartsWith("https://wijkengids.example/wachtwoord-herstellen?token=", link);

        await using var host = await AppFactory.StartOnAsync(connection, settings);
        await host.Scenario(s =>
        {
            s.Post.Json(new { token = MailHelpers.TokenOf(link), newPassword = "carla-kiest-een-wachtwoord" }).ToUrl("/api/community/password-resets/complete");
            s.StatusCodeShouldBe(200);
        });
        var cookie = await host.LoginAsync("cli@example.nl", "carla-kiest-een-wachtwoord");
        await host.Scenario(s => { s.Get.Url("/api/community/accounts"); s.As(cookie); s.StatusCodeShouldBe(200); });
        // Pages with forms need HTTPS in Production (Secure antiforgery cookie): as behind the TLS proxy.
        await host.Scenario(s =>
        {
            s.ConfigureHttpContext(c => c.Request.Scheme = "https");
            s.Get.Url("/beheer/accounts");
            s.As(cookie);
            s.StatusCodeShouldBe(200);
        });
    }

    /// <summary>Runs the built host (next to the tests) as a process, with the settings as environment variables.</summary>
    private static async Task<(int Exit, string Output)> RunHostAsync(string connection, IDictionary<string, string?> settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Wijkengids.Host.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = settings["environment"];
        start.Environment["ConnectionStrings__Wijkengids"] = connection;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Site__BaseUrl"] = "https://wijkengids.example";
        foreach (var (key, value) in settings.Where(s => s.Key.Contains(':'))) start.Environment[key.Replace(":", "__")] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"admin create kwam niet binnen 3 minuten klaar:\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
