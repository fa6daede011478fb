using System.Text;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Wijkengids.Audit.Integrity;
using Wijkengids.Audit.Timeline;
using Wijkengids.Audit.Watch;

namespace Wijkengids.Audit.Export;

/// <summary>Export every chained event matching <see cref="Filter"/> as CSV or JSON Lines, oldest first unless asked otherwise.</summary>
public sealed record ExportTrail(TimelineFilter Filter, string Format, bool NewestFirst = false) : IRequest<TrailExport>;

/// <summary>An export ready to stream: the response writes it row by row.</summary>
public sealed record TrailExport(string ContentType, string FileName, Func<Stream, CancellationToken, Task> WriteAsync);

internal sealed class ExportTrailValidator : AbstractValidator<ExportTrail>
{
    public ExportTrailValidator()
    {
        RuleFor(x => x.Format).Must(f => ExportFormats.Named(f) is not null).WithMessage("Kies het formaat csv of jsonl.");
        RuleFor(x => x.Filter).SetValidator(new TimelineFilterValidator());
    }
}

internal sealed class ExportTrailHandler(IDocumentStore store, AuditAccessLog accessLog, TimeProvider clock)
    : IRequestHandler<ExportTrail, TrailExport>
{
    /// <summary>Rows between flushes: memory stays constant, the download starts at once.</summary>
    private const int FlushEvery = 500;

    public async Task<TrailExport> Handle(ExportTrail request, CancellationToken cancellationToken)
    {
        var format = ExportFormats.Named(request.Format)!;
        var filter = request.Filter.Normalised();
        await accessLog.RecordAsync(new AuditTrailExported(filter, format.Name), cancellationToken);
        var name = $"wijkengids-audit-{AmsterdamTime.ToLocal(clock.GetUtcNow()):yyyyMMdd-HHmmss}.{format.Extension}";
        return new TrailExport(format.ContentType, name, (output, ct) => WriteAsync(filter, format, request.NewestFirst, output, ct));
    }

    private async Task WriteAsync(TimelineFilter filter, IExportFormat format, bool newestFirst, Stream output, CancellationToken cancellationToken)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var names = store.QuerySession();
        var actors = new ActorDirectory(names);

        await using var command = new NpgsqlCommand { Connection = connection, CommandTimeout = 0 };
        var sql = new StringBuilder(
            $"""
            select {ReadTimelineHandler.Columns}, {StoredEvents.Columns}, c.previous, c.hash
            from {AuditTimelineProjection.Table} t
            join {AuditSchema.Events} e on e.seq_id = t.seq
            join {AuditSchema.HashChain} c on c.seq = t.seq
            """);
        filter.AppendWhere(sql, command, "t");
        // In the chain's order (docs/adr/0070), so consecutive rows of a full export link up even around a late arrival.
        sql.Append(newestFirst ? " order by c.link desc" : " order by c.link asc");
        command.CommandText = sql.ToString();

        await format.WriteHeaderAsync(output, cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var timeline = TimelineRow.Read(reader);
            var stored = StoredEvents.Read(reader, TimelineRow.ColumnCount);
            var chainAt = TimelineRow.ColumnCount + StoredEvents.ColumnCount;
            await actors.LoadAsync([timeline.Actor], cancellationToken);
            await format.WriteRowAsync(output, new ExportRow(stored.Record, AmsterdamTime.Format(timeline.Timestamp), timeline.Module,
                timeline.Description, actors.NameOf(timeline.Actor), actors.ReasonShown(timeline.Actor, timeline.Reason),
                reader.GetString(chainAt), reader.GetString(chainAt + 1)), cancellationToken);
            if (++rows % FlushEvery == 0) await output.FlushAsync(cancellationToken);
        }
        await output.FlushAsync(cancellationToken);
    }

    internal static void MapEndpoints(RouteGroupBuilder audit) =>
        audit.MapGet("/export", async (string? format, string? item, string? actor, string? module, string? kind, string? correlationId,
                DateOnly? from, DateOnly? to, string? about, string? order, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var export = await mediator.Send(new ExportTrail(new TimelineFilter(item, actor, module, kind, correlationId, from, to, about),
                    format ?? "csv", string.Equals(order, "newest", StringComparison.OrdinalIgnoreCase)), ct);
                return Results.Stream(body => export.WriteAsync(body, http.RequestAborted), export.ContentType, export.FileName);
            })
            .WithName("ExportAuditTrail")
            .WithSummary("Export van de tijdlijn met elk filter als CSV of JSON Lines (format=csv|jsonl), gestreamd; per gebeurtenis de " +
                         "positie, de gehashte velden en de schakels van de hashketen, zodat de export offline te controleren is " +
                         "(`audit verify <bestand>`) (auditor, beheerder)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/jsonl");
}
