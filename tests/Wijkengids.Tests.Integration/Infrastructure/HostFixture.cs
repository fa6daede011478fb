using Alba;
using Microsoft.Extensions.DependencyInjection;

namespace Wijkengids.Tests.Integration.Infrastructure;

/// <summary>
/// One running host over a database of its own: for one test class (<c>IClassFixture</c>), or for the classes of a
/// shared collection (<see cref="SharedHosts"/>, docs/adr/0100).
/// </summary>
public class HostFixture : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Replaces services of the host (e.g. the clock) for the classes that use this fixture.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async Task InitializeAsync() => Host = await AppFactory.StartAsync(GetType().Name, Settings, ConfigureServices);

    public virtual async Task DisposeAsync() => await Host.DisposeAsync();
}
