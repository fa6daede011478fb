using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Wijkengids.Tests;

/// <summary>Starts the real host (all modules) over a database of its own.</summary>
public static class AppFactory
{
    /// <summary>The master key (Security:MasterKey) of every test host: base64 of 32 bytes, for tests only.</summary>
    public const string MasterKey = "dGVzdHMtb25seTogd2lqa2VuZ2lkcy1tYXN0ZXJrZXk=";

    public static async Task<IAlbaHost> StartAsync(string databasePrefix, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null) =>
        await StartOnAsync(await TestDatabase.CreateDatabaseAsync(databasePrefix), settings, services);

    /// <summary>
    /// Starts the host on an existing database: a second start, a restored backup, or a restart in another environment (setting
    /// "environment"). Returns once the modules know the names of the development accounts opened at start-up.
    /// </summary>
    public static async Task<IAlbaHost> StartOnAsync(string connection, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Wijkengids", connection);
            builder.UseSetting("Security:MasterKey", MasterKey);
            builder.UseSetting("RateLimits:LoginPerMinute", "1000");
            builder.UseSetting("RateLimits:FormsPerMinute", "1000");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
            builder.ConfigureServices(Integration.Infrastructure.StartupNames.AddTo);
            if (services is not null) builder.ConfigureServices(services);
        });
        try
        {
            await Integration.Infrastructure.StartupNames.KnownAsync(host);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }
}
