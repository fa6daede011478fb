using JasperFx.Events;
using Wijkengids.Community.Mail;
using Wolverine.Marten;
using Contract = Wijkengids.Community.Contracts;

namespace Wijkengids.Community.Accounts;

/// <summary>
/// What the changes of an account share: loading its stream for a change (404 when it does not exist, 409 when the admin's
/// version is stale), opening a new one, sealing what goes into its events, and queueing its mails. The unit of work saves
/// the events, the mails and the messages together.
/// </summary>
internal sealed class AccountSteps(
    IDocumentSession session,
    IMartenOutbox outbox,
    IRequestContext context,
    IPersonalDataVault vault,
    TimeProvider clock)
{
    public const string NotFound = "Dit account bestaat niet.";
    public const string Gone = "Dit account bestaat niet (meer).";
    public const string Stale = "Dit account is intussen gewijzigd. Laad het opnieuw en probeer het nog eens.";
    public const string AddressTaken = "Er bestaat al een account met dit e-mailadres.";

    public Task<IEventStream<Account>> FetchAsync(Guid id, long? expectedVersion, string? reason, CancellationToken cancellationToken,
        bool erasedToo = true)
    {
        session.Stamp(context, reason);
        return session.FetchForChangeAsync<Account>(id, expectedVersion, erasedToo ? NotFound : Gone, Stale, cancellationToken,
            erasedToo ? null : a => !a.Erased);
    }

    /// <summary>Appends the events of one change (nothing when it changed nothing).</summary>
    public static void Record(IEventStream<Account> stream, params IEnumerable<object?> events)
    {
        foreach (var e in events.OfType<object>()) stream.AppendOne(e);
    }

    public Task<AccountView?> ViewAsync(Guid id, CancellationToken cancellationToken) => session.LoadAsync<AccountView>(id, cancellationToken);

    public Task<AccountView?> ByEmailAsync(string email, CancellationToken cancellationToken) =>
        session.Query<AccountView>().FirstOrDefaultAsync(a => a.Email == email, cancellationToken);

    public Task<Sealed> SealAsync(Guid id, string value, CancellationToken cancellationToken) => vault.SealAsync(id, value, cancellationToken);

    /// <summary>
    /// Starts a new account's stream (opened by an admin, or registered by the person when <paramref name="registered"/>)
    /// and tells the other modules. Returns the account as it will read once saved, for its first mail.
    /// </summary>
    public async Task<AccountView> OpenAsync(string email, string displayName, string password, IEnumerable<string> roles, string? reason,
        bool registered, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var name = displayName.Trim();
        var now = clock.GetUtcNow();
        var account = new AccountView { Id = id, Email = email, DisplayName = name, OpenedAt = now, PendingConfirmation = registered };
        account.PasswordHash = Passwords.Hash(account, password);
        var sealedEmail = await vault.SealAsync(id, email, cancellationToken);
        var sealedName = await vault.SealAsync(id, name, cancellationToken);
        var sealedHash = await vault.SealAsync(id, account.PasswordHash, cancellationToken);
        var events = registered
            ? Account.Register(id, sealedEmail, sealedName, sealedHash, now)
            : Account.Open(id, sealedEmail, sealedName, roles, sealedHash, now);
        account.Roles = [.. events[0] switch { AccountOpened o => o.Roles, AccountRegistered r => r.Roles, _ => [] }];

        session.Stamp(context, reason);
        session.Events.StartStream<Account>(id, events);
        await outbox.PublishAsync(new Contract.AccountOpened(id, name, account.Roles, now));
        return account;
    }

    /// <summary>Stores the mails once and sends them through the outbox, with the unit of work.</summary>
    public async Task QueueAsync(params IEnumerable<MailDelivery> deliveries)
    {
        foreach (var message in await MailQueue.EnqueueAsync(session, deliveries, clock, CancellationToken.None)) await outbox.PublishAsync(message);
    }
}

internal static class AccountEmail
{
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
