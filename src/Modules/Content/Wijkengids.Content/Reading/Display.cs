using System.Globalization;

namespace Wijkengids.Content.Reading;

/// <summary>How pages write dates and changes in Dutch.</summary>
public static class Display
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    internal static readonly TimeZoneInfo Netherlands = FindZone();

    public static string Date(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Netherlands).ToString("d MMMM yyyy", Dutch);

    public static string DateTime(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Netherlands).ToString("d MMMM yyyy, HH:mm", Dutch);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Dutch);

    /// <summary>The moment a day begins in the Netherlands (00:00 Dutch time, summer or winter).</summary>
    public static DateTimeOffset StartOfDutchDay(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Netherlands.GetUtcOffset(midnight));
    }

    /// <summary>"Laatst gewijzigd op 4 april 2012, in update 3" (or: not yet in an update).</summary>
    public static string LastChanged(PublicItem item) =>
        $"Laatst gewijzigd op {Date(item.PublishedAt)}" + (item.Edition is { } edition
            ? $", in update {edition}"
            : "; deze wijziging verschijnt in de volgende update");

    public static string ChapterHeading(string number, string title) =>
        title == $"Hoofdstuk {number}" ? title : $"Hoofdstuk {number}: {title}";

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}

/// <summary>One step of a breadcrumb trail; the last one (without a link) is the current page.</summary>
public sealed record Crumb(string Label, string? Url = null);
