using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Wijkengids.Tests.Browser;

/// <summary>
/// The real host on Kestrel (127.0.0.1, a free port) over a database of its own, and Debian's
/// Chromium driven by Playwright. CHROMIUM_PATH overrides the browser (default /usr/bin/chromium).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The host's clock: a test may move it forward (past a session); the others leave it alone.</summary>
    public ShiftableClock Clock { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The host's services (to publish a contract message another module would send).</summary>
    public IServiceProvider Services => _factory!.Services;

    /// <summary>
    /// Runs a step (a click and the outcome it shows, or a published message) and waits until every Wolverine message it
    /// caused has been handled, mails included: never a fixed sleep or a polling loop.
    /// </summary>
    public Task TrackedAsync(Func<Task> step) =>
        Wolverine.Tracking.WolverineHostMessageTrackingExtensions.TrackActivity(Services.GetRequiredService<Microsoft.Extensions.Hosting.IHost>())
            .Timeout(TimeSpan.FromSeconds(30)).DoNotAssertOnExceptionsDetected().ExecuteAndWaitAsync(_ => step());

    /// <summary>
    /// Waits until Marten's async daemon has processed every event stored so far (the audit timeline, the hash chain):
    /// what an auditor then looks for is there, without a page being reloaded until it shows.
    /// </summary>
    public Task ProjectionsCaughtUpAsync() =>
        Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(Services.GetRequiredService<Marten.IDocumentStore>(), TimeSpan.FromSeconds(60));

    public async Task InitializeAsync()
    {
        var connection = await TestDatabase.CreateDatabaseAsync("browser");
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Wijkengids", connection);
            builder.UseSetting("RateLimits:LoginPerMinute", "1000");
            builder.UseSetting("RateLimits:FormsPerMinute", "1000");
            builder.UseSetting("Site:BaseUrl", BaseUrl);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        _factory.StartServer();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "nl-NL" });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
