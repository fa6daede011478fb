using System.Globalization;
using Wijkengids.Platform;

namespace Wijkengids.Audit;

/// <summary>Times as auditors read them: Europe/Amsterdam (<see cref="DutchTime"/>) to the second, and Amsterdam days.</summary>
internal static class AmsterdamTime
{
    private static TimeZoneInfo Zone => DutchTime.Zone;
    private static CultureInfo Dutch => DutchTime.Culture;

    /// <summary>
    /// Marten's tombstones (placeholders for a failed append) are stored with timestamp -infinity, read as
    /// <see cref="DateTimeOffset.MinValue"/>: such a moment is unknown and must not become a day or a period.
    /// </summary>
    public static bool IsUnknown(DateTimeOffset moment) => moment.Year < 1900;

    public static DateTimeOffset ToLocal(DateTimeOffset moment) => DutchTime.ToLocal(moment);

    public static DateOnly Day(DateTimeOffset moment) => DateOnly.FromDateTime(ToLocal(moment).DateTime);

    /// <summary>The UTC instant at which <paramref name="day"/> starts in Amsterdam.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>"23-11-2026 10:15:02".</summary>
    public static string Format(DateTimeOffset moment) => ToLocal(moment).ToString("dd-MM-yyyy HH:mm:ss", Dutch);

    /// <summary>ISO 8601 with the Amsterdam offset, for datetime attributes.</summary>
    public static string Iso(DateTimeOffset moment) => ToLocal(moment).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    /// <summary>"maandag 23 november 2026".</summary>
    public static string LongDate(DateOnly day) => day.ToString("dddd d MMMM yyyy", Dutch);
}
