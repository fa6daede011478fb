using System.Diagnostics;
using JasperFx.Events;
using Marten;
using Npgsql;
using Wijkengids.Audit.Integrity;
using Wijkengids.Audit.Timeline;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Demo;

/// <summary>
/// Fills the event store with demo history for scale tests: items (streams) of about ten events each, in actions of
/// one to three events sharing a correlation id, by the known actors (one of them busy) and the system, spread over
/// the last <c>days</c> days in sequence order. Uses Marten's bulk append (COPY), then waits until the timeline and
/// the hash chain have caught up, printing progress. The rate mode appends through normal sessions at a steady rate
/// and measures how far the projections lag behind.
/// </summary>
internal sealed class DemoGenerator(IDocumentStore store, TextWriter output)
{
    private const int BatchEvents = 10_000;
    private static readonly string[] Areas = ["Rotterdam-Zuid", "Amsterdam Nieuw-West", "Utrecht Overvecht", "Den Haag Transvaal", "Eindhoven Woensel", "Heerlen-Noord"];
    private static readonly string[] Themes = ["participatie", "veiligheid", "wonen", "werk", "onderwijs", "integratie"];
    private readonly Random _random = new(20121);

    public async Task GenerateAsync(int total, int days, CancellationToken cancellationToken)
    {
        var actors = await ActorsAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        var start = DateTimeOffset.UtcNow.AddDays(-days);
        var step = TimeSpan.FromTicks(Math.Max(1, (DateTimeOffset.UtcNow - start).Ticks / Math.Max(1, total)));
        var moment = start;
        var written = 0;
        await output.WriteLineAsync($"Demo: {total:N0} gebeurtenissen over {days} dagen, {actors.Length} actoren, in blokken van {BatchEvents:N0}.");
        while (written < total)
        {
            var streams = new List<StreamAction>();
            var inBatch = 0;
            while (inBatch < BatchEvents && written + inBatch < total)
            {
                var events = Item(Math.Min(_random.Next(4, 17), total - written - inBatch));
                var action = StreamAction.Start(((DocumentStore)store).Events, Guid.NewGuid(), events);
                var i = 0;
                while (i < action.Events.Count)
                {
                    var size = Math.Min(_random.Next(1, 4), action.Events.Count - i);
                    var actor = Pick(actors);
                    var correlation = Guid.NewGuid().ToString("N");
                    var reason = _random.Next(4) == 0 ? Pick(["redactionele verbetering", "op verzoek van de gemeente", "bron toegevoegd", "dubbele invoer"]) : null;
                    for (var j = 0; j < size; j++, i++)
                    {
                        var e = action.Events[i];
                        e.UserName = actor;
                        e.CorrelationId = correlation;
                        e.CausationId = "demo";
                        e.Timestamp = moment = moment.Add(step);
                        if (reason is not null) e.SetHeader(MetadataHeaders.Reason, reason);
                    }
                }
                streams.Add(action);
                inBatch += action.Events.Count;
            }
            await store.BulkInsertEventsAsync(streams, 2_000, cancellationToken);
            written += inBatch;
            await output.WriteLineAsync($"  {written,12:N0} / {total:N0} geschreven ({written / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0}/s)");
        }
        await output.WriteLineAsync($"Geschreven in {clock.Elapsed.TotalSeconds:N1} s. Wachten tot tijdlijn en hashketen bij zijn...");
        var caughtUp = Stopwatch.StartNew();
        await WaitForProjectionsAsync(cancellationToken);
        await output.WriteLineAsync($"Tijdlijn en keten bij na {caughtUp.Elapsed.TotalSeconds:N1} s.");
        // A database that grew to this size over months has planner statistics; one just bulk-loaded has them only
        // when autovacuum gets round to it. Measure the former: gather them now.
        var analyzing = Stopwatch.StartNew();
        await ScalarAsync("analyze", cancellationToken);
        await output.WriteLineAsync($"Statistieken bijgewerkt (ANALYZE) in {analyzing.Elapsed.TotalSeconds:N1} s.");
    }

    /// <summary>Appends <paramref name="rate"/> events per second for <paramref name="seconds"/> s and reports the projections' lag.</summary>
    public async Task MeasureLagAsync(int rate, int seconds, CancellationToken cancellationToken)
    {
        var actors = await ActorsAsync(cancellationToken);
        var ticks = new List<(long Sequence, long AppendedAt)>();
        var timelineLag = new List<double>();
        var chainLag = new List<double>();
        var highWaterLag = new List<double>();
        var clock = Stopwatch.StartNew();
        await output.WriteLineAsync($"Vertraging meten: {rate} gebeurtenissen/s gedurende {seconds} s (in porties per 50 ms).");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = SampleAsync(ticks, timelineLag, chainLag, highWaterLag, clock, stop.Token);
        var perTick = Math.Max(1, rate / 20);
        var next = TimeSpan.Zero;
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            await using (var session = store.LightweightSession())
            {
                session.Stamp(new FixedRequestContext(Pick(actors), Guid.NewGuid().ToString("N"), "demo-rate"));
                for (var i = 0; i < perTick; i++) session.Events.StartStream(Guid.NewGuid(), Item(1));
                await session.SaveChangesAsync(cancellationToken);
            }
            var last = await ScalarAsync($"select coalesce(max(seq_id), 0) from {AuditSchema.Events}", cancellationToken);
            lock (ticks) ticks.Add((last, clock.ElapsedMilliseconds));
            next += TimeSpan.FromMilliseconds(50);
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
        }
        var appended = ticks.Count * perTick;
        var achieved = appended / clock.Elapsed.TotalSeconds;
        await WaitForProjectionsAsync(cancellationToken);
        await Task.Delay(200, cancellationToken);
        await stop.CancelAsync();
        await sampler;
        await output.WriteLineAsync($"Toegevoegd: {appended:N0} in {clock.Elapsed.TotalSeconds:N1} s ({achieved:N0}/s).");
        await output.WriteLineAsync($"Vertraging hoogwatermerk van de daemon (ms): {Summary(highWaterLag)}");
        await output.WriteLineAsync($"Vertraging tijdlijn (ms): {Summary(timelineLag)}");
        await output.WriteLineAsync($"Vertraging hashketen (ms): {Summary(chainLag)}");
    }

    private async Task SampleAsync(List<(long Sequence, long AppendedAt)> ticks, List<double> timelineLag, List<double> chainLag,
        List<double> highWaterLag, Stopwatch clock, CancellationToken cancellationToken)
    {
        var timelineDone = 0;
        var chainDone = 0;
        var highWaterDone = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var timeline = await ScalarAsync($"select coalesce(max(seq), 0) from {AuditTimelineProjection.Table}", cancellationToken);
                var chain = await ScalarAsync($"select coalesce(max(seq), 0) from {AuditSchema.HashChain}", cancellationToken);
                var highWater = await ScalarAsync(
                    $"select coalesce(max(last_seq_id), 0) from {SharedKernel.EventStore.Schema}.mt_event_progression where name = 'HighWaterMark'", cancellationToken);
                var now = clock.ElapsedMilliseconds;
                lock (ticks)
                {
                    while (highWaterDone < ticks.Count && ticks[highWaterDone].Sequence <= highWater) highWaterLag.Add(now - ticks[highWaterDone++].AppendedAt);
                    while (timelineDone < ticks.Count && ticks[timelineDone].Sequence <= timeline) timelineLag.Add(now - ticks[timelineDone++].AppendedAt);
                    while (chainDone < ticks.Count && ticks[chainDone].Sequence <= chain) chainLag.Add(now - ticks[chainDone++].AppendedAt);
                }
                await Task.Delay(20, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task WaitForProjectionsAsync(CancellationToken cancellationToken)
    {
        var target = await ScalarAsync($"select coalesce(max(seq_id), 0) from {AuditSchema.Events}", cancellationToken);
        var shown = Stopwatch.StartNew();
        while (true)
        {
            var timeline = await ScalarAsync($"select coalesce(max(seq), 0) from {AuditTimelineProjection.Table}", cancellationToken);
            var chain = await ScalarAsync($"select coalesce(max(seq), 0) from {AuditSchema.HashChain}", cancellationToken);
            if (timeline >= target && chain >= target) return;
            if (shown.Elapsed > TimeSpan.FromSeconds(5))
            {
                await output.WriteLineAsync($"  tijdlijn {timeline:N0} / {target:N0}, keten {chain:N0} / {target:N0}");
                shown.Restart();
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    private static string Summary(List<double> values)
    {
        if (values.Count == 0) return "geen metingen";
        var sorted = values.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return $"p50 {At(0.50):N0}, p95 {At(0.95):N0}, p99 {At(0.99):N0}, max {sorted[^1]:N0} ({sorted.Length} metingen)";
    }

    /// <summary>The events of one item: a lesson, a proposal, a booking or a subscription, with follow-ups.</summary>
    private object[] Item(int count)
    {
        var id = Guid.NewGuid();
        var events = new object[count];
        var kind = _random.Next(4);
        var number = $"{_random.Next(1, 8)}.{_random.Next(1, 10)}";
        var title = $"Aanvulling op les {number}";
        var area = Pick(Areas);
        for (var i = 0; i < count; i++)
        {
            events[i] = kind switch
            {
                0 => i % 4 == 3 ? new DemoLessonPublished(id, number, i + 1) : new DemoLessonRevised(id, number, i + 1),
                1 => i == 0 ? new DemoProposalReceived(id, title) : new DemoProposalAccepted(id, title),
                2 => i == 0 ? new DemoBookingRequested(id, area) : new DemoBookingConfirmed(id, area),
                _ => new DemoSubscriptionConfirmed(id, string.Join(", ", Themes.OrderBy(_ => _random.Next()).Take(2))),
            };
        }
        return events;
    }

    /// <summary>The known actors and the system; the first known actor is busy (a third of all actions).</summary>
    private async Task<string[]> ActorsAsync(CancellationToken cancellationToken)
    {
        List<string> known = [];
        // On a fresh development database the accounts' names arrive through the outbox just after start-up.
        for (var attempt = 0; attempt < 50 && known.Count == 0; attempt++)
        {
            if (attempt > 0) await Task.Delay(200, cancellationToken);
            await using var session = store.QuerySession();
            known = (await session.Query<ActorName>().ToListAsync(cancellationToken)).Where(a => a.ErasedAt is null)
                .OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Id).ToList();
        }
        var actors = new List<string> { IRequestContext.SystemActor };
        actors.AddRange(known);
        if (known.Count > 0) actors.AddRange(Enumerable.Repeat(known[0], Math.Max(1, actors.Count / 2)));
        return [.. actors];
    }

    private T Pick<T>(IReadOnlyList<T> from) => from[_random.Next(from.Count)];

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }
}
