using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wijkengids.Community.Contracts;

namespace Wijkengids.Community.Accounts;

/// <summary>
/// In Development: one account per role (see <see cref="DevAccounts"/>), opened by the system actor with reason
/// "dev-seed" when missing. Outside Development: every active account on the development domain is disabled with
/// an <see cref="AccountDisabled"/> event, and a warning names them (docs/adr/0079). A startup step: it appends the
/// events and saves its own session; the projection updates the read model.
/// </summary>
internal sealed class DevAccountSeeder(IServiceScopeFactory scopes, IHostEnvironment environment, ILogger<DevAccountSeeder> logger)
    : IHostedService
{
    public const string DisabledReason = "ontwikkelaccount buiten Development";

    public Task StartAsync(CancellationToken cancellationToken) =>
        environment.IsDevelopment() ? SeedAsync(cancellationToken) : DisableAsync(cancellationToken);

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
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

    private async Task DisableAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var session = scope.ServiceProvider.GetRequiredService<IDocumentStore>().LightweightSession();
        var suffix = "@" + DevAccounts.Domain;
        var accounts = await session.Query<AccountView>().Where(a => a.Active && a.Email.EndsWith(suffix)).ToListAsync(cancellationToken);
        if (accounts.Count == 0) return;
        session.Stamp(FixedRequestContext.System(), DisabledReason);
        foreach (var account in accounts)
        {
            var stream = await session.Events.FetchForWriting<Account>(account.Id, cancellationToken);
            if (stream.Aggregate?.Disable(DisabledReason) is { } disabled) stream.AppendOne(disabled);
        }
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Ontwikkelaccounts uitgeschakeld, want dit is geen Development: {Emails}. Ze kunnen niet meer inloggen; " +
                              "maak een beheerder met `admin create --email ...`.", string.Join(", ", accounts.Select(a => a.Email)));
        }
        catch (JasperFx.ConcurrencyException e)
        {
            // Another host starting at the same moment disabled them first; sign-in refuses them either way.
            logger.LogWarning(e, "Ontwikkelaccounts {Emails} konden niet worden uitgeschakeld (tegelijk gewijzigd); sign-in weigert ze toch.",
                string.Join(", ", accounts.Select(a => a.Email)));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
