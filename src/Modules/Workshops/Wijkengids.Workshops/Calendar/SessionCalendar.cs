using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Wijkengids.SharedKernel;
using Wijkengids.Workshops.Sessions;

namespace Wijkengids.Workshops.Calendar;

/// <summary>
/// iCalendar (RFC 5545) for the public sessions: a feed of every upcoming session and one file per session. Times are
/// written in Europe/Amsterdam local time with its VTIMEZONE, so calendars show the right hour across summer time.
/// </summary>
internal static class SessionCalendar
{
    private const string ContentType = "text/calendar; charset=utf-8";

    public static string Render(IEnumerable<WorkshopSession> sessions, string baseUrl)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Wijkengids//Werkateliers//NL" };
        calendar.AddProperty("X-WR-CALNAME", "Werkateliers wijkaanpak");
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(DutchTime.Zone.Id));
        foreach (var s in sessions)
        {
            var starts = DutchTime.ToLocal(s.StartsAt).DateTime;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{s.Id:N}@wijkengids",
                Summary = $"Werkatelier: {s.FormatTitle}",
                Description = $"Werkatelier wijkaanpak. Aanvragen: {baseUrl}/werkateliers/{s.FormatSlug}/aanvragen",
                Location = s.Place ?? s.OnlineLink,
                Url = new Uri($"{baseUrl}/werkateliers/{s.FormatSlug}"),
                DtStart = new CalDateTime(starts, DutchTime.Zone.Id),
                DtEnd = new CalDateTime(starts.AddMinutes(s.DurationMinutes), DutchTime.Zone.Id),
                DtStamp = new CalDateTime(s.StartsAt.UtcDateTime, "UTC"),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static string BaseUrl(IConfiguration configuration) => (configuration["Site:BaseUrl"] ?? "http://localhost:5080").TrimEnd('/');

    public static void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/werkateliers/agenda.ics", async (IQuerySession session, IConfiguration configuration, TimeProvider clock, CancellationToken ct) =>
            {
                var now = clock.GetUtcNow();
                var sessions = await session.Query<WorkshopSession>().Where(s => !s.Cancelled && s.StartsAt > now)
                    .OrderBy(s => s.StartsAt).Take(500).ToListAsync(ct);
                return Results.Text(Render(sessions, BaseUrl(configuration)), ContentType);
            })
            .WithTags("Workshops").WithName("WorkshopCalendar").WithSummary("iCalendar-feed van de komende werkateliers (Europe/Amsterdam)");
        endpoints.MapGet("/werkateliers/sessies/{id:guid}.ics", async (Guid id, IQuerySession session, IConfiguration configuration, CancellationToken ct) =>
            {
                var workshop = await session.LoadAsync<WorkshopSession>(id, ct);
                if (workshop is null || workshop.Cancelled) throw new NotFoundException("Deze sessie bestaat niet.");
                return Results.Text(Render([workshop], BaseUrl(configuration)), ContentType);
            })
            .WithTags("Workshops").WithName("WorkshopSessionCalendar").WithSummary("Eén sessie als iCalendar-bestand");
    }
}
