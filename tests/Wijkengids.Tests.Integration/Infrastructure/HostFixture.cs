using Alba;

namespace Wijkengids.Tests.Integration.Infrastructure;

/// <summary>One running host and one database per test class.</summary>
public class HostFixture : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync() => Host = await AppFactory.StartAsync(GetType().Name, Settings);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
