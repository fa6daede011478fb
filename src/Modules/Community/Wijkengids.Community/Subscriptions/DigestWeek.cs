using System.Globalization;
using JasperFx.Events;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;
using Wijkengids.Community.Shared;

namespace Wijkengids.Community.Subscriptions;

// The weekly overview (docs/adr/0101). Each week (ISO week, Dutch time) is a stream: what happened is noted in it as it
// happens, and the week is closed by sending its overview. A note that arrives after its week was sent goes to the next
// week, so nothing is dropped and nothing is sent twice, also across restarts and with several hosts (the stream's
// version decides which write wins; the loser retries and sees the outcome).

/// <summary>A guide update noted for the weekly overview: the items as subscribers' choices filter them.</summary>
public sealed record DigestEditionNoted(Guid WeekId, string Week, int Number, string Title, DateTimeOffset PublishedAt,
    IReadOnlyList<DigestGuideItem> Items) : IDescribedEvent
{
    public string Describe() => $"Update {Number} genoteerd voor het weekoverzicht van {Week}";
}

/// <summary>One changed item of an update, as the overview shows it (Community's own copy of Content's edition item).</summary>
public sealed record DigestGuideItem(string Title, string Url, bool Major, string Note, IReadOnlyList<string> Themes, IReadOnlyList<string> Chapters);

/// <summary>
/// What happened to a contribution of an account holder, noted for their overview. The editors' words to the contributor
/// are sealed with the account's key: erasing the account makes them unreadable here too.
/// </summary>
public sealed record DigestContributionNoted(Guid WeekId, string Week, Guid ContributionId, string Kind, Guid AccountId, string Status,
    string StatusText, Sealed? Message, string Url, DateTimeOffset ChangedAt) : IDescribedEvent
{
    public string Describe() => $"Nieuws over een {Kind} genoteerd voor het weekoverzicht van {Week}: {StatusText}";
}

/// <summary>The week's overview went out: <see cref="Mails"/> mails were queued; later notes go to the next week.</summary>
public sealed record WeeklyDigestSent(Guid WeekId, string Week, DateTimeOffset SentAt, int Mails) : IDescribedEvent
{
    public string Describe() => $"Weekoverzicht {Week} verstuurd ({Mails} mails)";
}

/// <summary>
/// One week of the overview: its notes, and whether it was sent. The aggregate of its stream and, as an inline snapshot,
/// the read model that tells which weeks are due.
/// </summary>
public sealed class DigestWeek
{
    public Guid Id { get; set; }
    public string Week { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    public bool Sent { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public List<DigestEditionNoted> Editions { get; set; } = [];
    public List<DigestContributionNoted> Contributions { get; set; } = [];

    public void Apply(DigestEditionNoted e) { Start(e.WeekId, e.Week); Editions.Add(e); }
    public void Apply(DigestContributionNoted e) { Start(e.WeekId, e.Week); Contributions.Add(e); }
    public void Apply(WeeklyDigestSent e) { Start(e.WeekId, e.Week); Sent = true; SentAt = e.SentAt; }

    private void Start(Guid id, string week)
    {
        Id = id;
        Week = week;
        DueAt = DigestWeeks.DueAt(week);
    }

    public bool Holds(int edition) => Editions.Any(e => e.Number == edition);

    public bool Holds(Guid contribution, string status, DateTimeOffset changedAt) =>
        Contributions.Any(c => c.ContributionId == contribution && c.Status == status && c.ChangedAt == changedAt);
}

/// <summary>The weeks of the overview: ISO weeks in Dutch time ("2026-W49"), sent on the Monday after, at 07:00.</summary>
public static class DigestWeeks
{
    public static readonly TimeSpan SendTime = TimeSpan.FromHours(7);

    public static string Of(DateTimeOffset instant)
    {
        var local = DutchTime.ToLocal(instant).DateTime;
        return $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}";
    }

    public static Guid StreamId(string week) => StableIds.For("weekoverzicht:" + week);

    /// <summary>Monday 00:00 (Dutch time) that starts the week.</summary>
    public static DateTimeOffset Start(string week) => Local(LocalMonday(week));

    /// <summary>The Monday after the week, 07:00 Dutch time.</summary>
    public static DateTimeOffset DueAt(string week) => Local(LocalMonday(week).AddDays(7) + SendTime);

    public static string Next(string week) => Of(Start(week).AddDays(7).AddHours(12));

    public static string Previous(string week) => Of(Start(week).AddDays(-7).AddHours(12));

    /// <summary>
    /// The week a note made at <paramref name="now"/> goes to, loaded for writing: the week of now, or the first after it
    /// that was not sent yet (a clock behind another host's). With it the week before, to recognise a redelivered note.
    /// </summary>
    public static async Task<(string Week, IEventStream<DigestWeek> Stream, DigestWeek? Previous)> OpenWeekAsync(IDocumentSession session,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var week = Of(now);
        var previous = await session.LoadAsync<DigestWeek>(StreamId(Previous(week)), cancellationToken);
        while (true)
        {
            var stream = await session.Events.FetchForWriting<DigestWeek>(StreamId(week), cancellationToken);
            if (stream.Aggregate is not { Sent: true }) return (week, stream, previous);
            previous = stream.Aggregate;
            week = Next(week);
        }
    }

    /// <summary>
    /// Two hosts (or a note and the sending) that write the same week at once: one wins by the stream's version, the other
    /// runs again and sees what the first did. So is a mail both tried to queue.
    /// </summary>
    public static void RetryOnRace(HandlerChain chain) =>
        chain.OnException<JasperFx.ConcurrencyException>().Or<JasperFx.DocumentAlreadyExistsException>()
            .Or<Marten.Exceptions.ExistingStreamIdCollisionException>()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1))
            .Then.ScheduleRetry(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));

    /// <summary>The week as people read it: "week 49 (30 november tot en met 6 december 2026)".</summary>
    public static string Describe(string week)
    {
        var monday = LocalMonday(week);
        var sunday = monday.AddDays(6);
        return $"week {int.Parse(week[6..], CultureInfo.InvariantCulture)} ({monday.ToString("d MMMM", DutchTime.Culture)} tot en met {sunday.ToString("d MMMM yyyy", DutchTime.Culture)})";
    }

    private static DateTime LocalMonday(string week) =>
        ISOWeek.ToDateTime(int.Parse(week[..4], CultureInfo.InvariantCulture), int.Parse(week[6..], CultureInfo.InvariantCulture), DayOfWeek.Monday);

    private static DateTimeOffset Local(DateTime local) => new(local, DutchTime.Zone.GetUtcOffset(local));
}
