using System.Collections.Concurrent;
using Alba;
using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Wijkengids.Audit.Timeline;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Contracts;
using Wijkengids.Content.People;

namespace Wijkengids.Tests.Integration.Infrastructure;

/// <summary>
/// The development accounts are opened while the host starts; Audit and Content learn their names from the AccountOpened
/// messages that causes (through the outbox), outside any step a test could track. A test host therefore waits for those
/// names before its first test, signalled by the commits that store them (a Marten listener), never by polling.
/// </summary>
public sealed class StartupNames : DocumentSessionListenerBase
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _stored = new();

    /// <summary>Registers the listener in a host before it starts.</summary>
    public static void AddTo(IServiceCollection services)
    {
        var names = new StartupNames();
        services.AddSingleton(names);
        services.ConfigureMarten(options => options.Listeners.Add(names));
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var document in commit.Inserted.Concat(commit.Updated))
        {
            if (KeyOf(document) is { } key) Stored(key).TrySetResult();
        }
        return Task.CompletedTask;
    }

    /// <summary>Waits until Audit and Content both know the name of every development account in the database.</summary>
    public static async Task KnownAsync(IAlbaHost host)
    {
        var names = host.Services.GetRequiredService<StartupNames>();
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var suffix = "@" + DevAccounts.Domain;
        var accounts = (await session.Query<AccountView>().Where(a => a.Email.EndsWith(suffix)).ToListAsync()).Select(a => a.Id).ToArray();
        var waiting = accounts.SelectMany(id => new[] { names.Stored(AuditKey(id.ToString())), names.Stored(ContentKey(id)) }).ToList();

        // Names stored before the listener was there (a host started again on an existing database).
        var ids = accounts.Select(id => id.ToString()).ToArray();
        foreach (var known in await session.Query<ActorName>().Where(n => ids.Contains(n.Id)).ToListAsync()) names.Stored(AuditKey(known.Id)).TrySetResult();
        foreach (var known in await session.Query<PersonName>().Where(n => accounts.Contains(n.Id)).ToListAsync()) names.Stored(ContentKey(known.Id)).TrySetResult();

        try
        {
            await Task.WhenAll(waiting.Select(w => w.Task)).WaitAsync(Messages.Timeout);
        }
        catch (TimeoutException e)
        {
            var missing = names._stored.Where(p => !p.Value.Task.IsCompleted).Select(p => p.Key);
            throw new TimeoutException($"Niet binnen {Messages.Timeout.TotalSeconds:0} s de namen van de ontwikkelaccounts: {string.Join(", ", missing)}", e);
        }
    }

    private TaskCompletionSource Stored(string key) =>
        _stored.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private static string? KeyOf(object document) => document switch
    {
        ActorName name => AuditKey(name.Id),
        PersonName name => ContentKey(name.Id),
        _ => null,
    };

    private static string AuditKey(string id) => "audit:" + id;

    private static string ContentKey(Guid id) => "content:" + id;
}
