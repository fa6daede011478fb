using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wijkengids.Community.Accounts;
using Wijkengids.Community.Mail;
using Wolverine;
using Wolverine.Runtime.Handlers;

namespace Wijkengids.Community.Subscriptions;

/// <summary>Sends every weekly overview that is due and not sent yet (asked by each host at start and every quarter hour).</summary>
public sealed record SendDueWeeklyDigests;

/// <summary>Sends the overview of one week (ISO week "2026-W49") to every confirmed subscriber of the weekly overview.</summary>
public sealed record SendWeeklyDigest(string Week);

public static class SendDueWeeklyDigestsHandler
{
    public static async Task<OutgoingMessages> Handle(SendDueWeeklyDigests _, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await session.Query<DigestWeek>().Where(w => !w.Sent && w.DueAt <= now).OrderBy(w => w.DueAt).Select(w => w.Week)
            .ToListAsync(cancellationToken);
        var outgoing = new OutgoingMessages();
        outgoing.AddRange(due.Select(week => new SendWeeklyDigest(week)));
        return outgoing;
    }
}

/// <summary>
/// Closes a due week: one mail per weekly subscriber with what changed in the guide that they chose and, for an account
/// holder, what happened to their contributions; then <see cref="WeeklyDigestSent"/>. The mails and the event are stored in
/// one transaction, the mails keyed per (week, subscriber): a second host or a redelivery sends nothing twice, and a note
/// that raced the sending either made it in or went to the next week (docs/adr/0101).
/// </summary>
public static class SendWeeklyDigestHandler
{
    public static void Configure(HandlerChain chain) => DigestWeeks.RetryOnRace(chain);

    public static async Task<OutgoingMessages> Handle(SendWeeklyDigest command, IDocumentSession session, SubscriptionMails mails,
        IPersonalDataVault vault, TimeProvider clock, CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        var now = clock.GetUtcNow();
        var stream = await session.Events.FetchForWriting<DigestWeek>(DigestWeeks.StreamId(command.Week), cancellationToken);
        if (stream.Aggregate is not { Sent: false } week || week.DueAt > now) return outgoing;

        var subscribers = await session.Query<SubscriptionView>()
            .Where(s => s.Status == SubscriptionStatus.Confirmed && s.Frequency == SubscriptionFrequency.Weekly).ToListAsync(cancellationToken);
        var accountIds = week.Contributions.Select(c => c.AccountId).Distinct().ToList();
        var accounts = (await session.LoadManyAsync<AccountView>(cancellationToken, accountIds))
            .Where(a => a is { Active: true, Erased: false }).ToDictionary(a => a.Email);
        var deliveries = new List<MailDelivery>();
        foreach (var subscriber in subscribers)
        {
            var news = new List<DigestContributionNews>();
            if (accounts.GetValueOrDefault(subscriber.Email) is { } account)
            {
                foreach (var note in week.Contributions.Where(c => c.AccountId == account.Id).OrderBy(c => c.ChangedAt))
                {
                    news.Add(new DigestContributionNews(note, await vault.RevealAsync(note.Message, cancellationToken)));
                }
            }
            if (mails.WeeklyDigest(week, subscriber, news) is { } delivery) deliveries.Add(delivery);
        }
        stream.AppendOne(new WeeklyDigestSent(stream.Id, week.Week, now, deliveries.Count));
        outgoing.AddRange(await MailQueue.EnqueueAsync(session, deliveries, clock, cancellationToken));
        return outgoing;
    }
}

/// <summary>A contribution's news with the editors' words revealed (null once the account was erased).</summary>
public sealed record DigestContributionNews(DigestContributionNoted Note, string? Message);

/// <summary>
/// Asks for the due overviews at start (after a restart, a week missed while down goes out then) and every
/// <c>Subscriptions:DigestCheckMinutes</c> (default 15). Every host asks; the week's stream lets only one send.
/// </summary>
internal sealed class WeeklyDigestTimer(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IConfiguration configuration,
    TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Messaging runs once the host has started.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try { await started.Task; }
            catch (OperationCanceledException) { return; }
        }
        var interval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Subscriptions:DigestCheckMinutes", 15)));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(new SendDueWeeklyDigests());
            }
            catch (Exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be down for a moment; the next tick asks again.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
