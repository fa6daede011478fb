using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Wijkengids.Tests;

/// <summary>Starts the real host (all modules) over a database of its own.</summary>
public static class AppFactory
{
    public static async Task<IAlbaHost> StartAsync(string databasePrefix, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null) =>
        await StartOnAsync(await TestDatabase.CreateDatabaseAsync(databasePrefix), settings, services);

    /// <summary>Starts the host on an existing database, e.g. to restart it in another environment (setting "environment").</summary>
    public static Task<IAlbaHost> StartOnAsync(string connection, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null) =>
        AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Wijkengids", connection);
            builder.UseSetting("RateLimits:LoginPerMinute", "1000");
            builder.UseSetting("RateLimits:FormsPerMinute", "1000");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
            if (services is not null) builder.ConfigureServices(services);
        });
}
