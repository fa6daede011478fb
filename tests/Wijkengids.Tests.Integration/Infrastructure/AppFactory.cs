using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Wijkengids.Tests;

/// <summary>Starts the real host (all modules) over a database of its own.</summary>
public static class AppFactory
{
    public static async Task<IAlbaHost> StartAsync(string databasePrefix, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var connection = await TestDatabase.CreateDatabaseAsync(databasePrefix);
        return await StartOnAsync(connection, settings, services);
    }

    /// <summary>Starts the host on a given database (e.g. a second host beside one already running on it).</summary>
    public static async Task<IAlbaHost> StartOnAsync(string connection, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        return await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Wijkengids", connection);
            builder.UseSetting("RateLimits:LoginPerMinute", "1000");
            builder.UseSetting("RateLimits:FormsPerMinute", "1000");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
            if (services is not null) builder.ConfigureServices(services);
        });
    }
}
