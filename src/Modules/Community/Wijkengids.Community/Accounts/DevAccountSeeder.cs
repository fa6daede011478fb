using Marten;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wijkengids.Community.Contracts;

namespace Wijkengids.Community.Accounts;

/// <summary>
/// In Development only: one account per role (see <see cref="DevAccounts"/>), opened by the system
/// actor with reason "dev-seed" when missing. Never registered outside Development.
/// </summary>
internal sealed class DevAccountSeeder(IServiceScopeFactory scopes, IHostEnvironment environment, ILogger<DevAccountSeeder> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment()) return;
        foreach (var (email, role, name) in DevAccounts.All)
        {
            // One scope per account: a scope's outbox sends its messages once, on its first commit.
            await using var scope = scopes.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            if (await session.Query<AccountView>().AnyAsync(a => a.Email == email, cancellationToken)) continue;
            await mediator.Send(new OpenAccount(email, name, DevAccounts.Password, [role], "dev-seed"), cancellationToken);
            logger.LogInformation("Ontwikkelaccount {Email} aangemaakt", email);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
