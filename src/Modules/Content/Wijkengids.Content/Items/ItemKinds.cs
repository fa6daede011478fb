using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace Wijkengids.Content.Items;

/// <summary>
/// The kinds of content item. They share one lifecycle (draft → review → publish, revisions) and differ in the
/// fields they use and where the public finds them (docs/adr/0010).
/// </summary>
public static class ItemKinds
{
    public const string Chapter = "chapter";
    public const string Section = "section";
    public const string Lesson = "lesson";
    public const string News = "news";
    public const string Page = "page";

    public static readonly IReadOnlyList<string> All = [Chapter, Section, Lesson, News, Page];

    /// <summary>The page that is the guide's introduction ("De wijkengids?"), shown on the home page.</summary>
    public const string IntroductionSlug = "introductie";

    /// <summary>Kinds that belong to the guide itself and so appear in editions (news does not).</summary>
    public static readonly IReadOnlyList<string> Guide = [Chapter, Section, Lesson, Page];

    public static string DutchName(string kind) => kind switch
    {
        Chapter => "hoofdstuk",
        Section => "paragraaf",
        Lesson => "les",
        News => "nieuwsbericht",
        Page => "pagina",
        _ => kind,
    };

    /// <summary>Where readers find a published item (site-relative).</summary>
    public static string PublicUrl(string kind, string slug, string? number) => kind switch
    {
        Chapter => $"/gids#hoofdstuk-{number}",
        Section => $"/gids/{number}",
        Lesson => $"/lessen/{slug}",
        News => $"/nieuws/{slug}",
        Page when slug == IntroductionSlug => "/",
        _ => $"/{slug}",
    };
}

/// <summary>
/// Workflow status of an item's latest revision. The stable strings are English like the rest of Content's stored codes
/// (kinds "lesson", source kinds "research"); the site shows the Dutch names (docs/adr/0096).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ItemStatus>))]
public enum ItemStatus
{
    [JsonStringEnumMemberName("draft"), Display(Name = "concept")] Draft,
    [JsonStringEnumMemberName("in-review"), Display(Name = "ter review")] InReview,
    [JsonStringEnumMemberName("changes-requested"), Display(Name = "wijzigingen gevraagd")] ChangesRequested,
    [JsonStringEnumMemberName("approved"), Display(Name = "goedgekeurd")] Approved,
    [JsonStringEnumMemberName("published"), Display(Name = "gepubliceerd")] Published,
    [JsonStringEnumMemberName("unpublished"), Display(Name = "offline gehaald")] Unpublished,
    [JsonStringEnumMemberName("archived"), Display(Name = "gearchiveerd")] Archived,
}

/// <summary>Source kinds, as the guide distinguishes them.</summary>
public static class SourceKinds
{
    public const string Research = "research";
    public const string Practice = "practice";
    public const string Policy = "policy";

    public static readonly IReadOnlyList<string> All = [Research, Practice, Policy];

    public static string DutchName(string kind) => kind switch
    {
        Research => "onderzoek",
        Practice => "praktijk",
        Policy => "beleid",
        _ => kind,
    };

    /// <summary>Accepts the code or the Dutch name ("onderzoek" → research).</summary>
    public static string? Parse(string? value)
    {
        var v = value?.Trim().ToLowerInvariant();
        return All.FirstOrDefault(k => k == v || DutchName(k) == v);
    }
}

public static class Slugs
{
    /// <summary>"Doel & samenstelling van de wijkengids!" → "doel-samenstelling-van-de-wijkengids".</summary>
    public static string From(string text, int maxLength = 80)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > maxLength) slug = slug[..maxLength].TrimEnd('-');
        return slug.Length == 0 ? "item" : slug;
    }
}

/// <summary>Natural order of dotted numbers: 1.2 &lt; 1.10 &lt; 2.</summary>
public sealed class NumberOrder : IComparer<string?>
{
    public static readonly NumberOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('.');
        var b = (y ?? "").Split('.');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            if (i >= a.Length) return -1;
            if (i >= b.Length) return 1;
            var c = int.TryParse(a[i], out var na) && int.TryParse(b[i], out var nb) ? na.CompareTo(nb) : string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return c;
        }
        return 0;
    }
}
