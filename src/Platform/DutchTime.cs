using System.Globalization;

namespace Wijkengids.Platform;

/// <summary>Times are stored in UTC and shown in Europe/Amsterdam, in Dutch.</summary>
public static class DutchTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    public static DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    /// <summary>"23 november 2026 13:05".</summary>
    public static string Format(DateTimeOffset utc) => ToLocal(utc).ToString("d MMMM yyyy HH:mm", Culture);

    /// <summary>"23 november 2026".</summary>
    public static string FormatDate(DateTimeOffset utc) => ToLocal(utc).ToString("d MMMM yyyy", Culture);
}
