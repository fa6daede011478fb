namespace Wijkengids.Community.Subscriptions;

/// <summary>
/// What a subscriber chose (docs/adr/0098): themes and chapters (none of either: the whole guide), only major changes or
/// all, a mail per update or a weekly overview. Themes are theme slugs and chapters chapter numbers, both from Content's
/// catalog.
/// </summary>
public sealed record SubscriptionChoices(string[] Themes, string[] Chapters, bool MajorOnly, SubscriptionFrequency Frequency)
{
    public static readonly SubscriptionChoices Everything = new([], [], false, SubscriptionFrequency.EachUpdate);

    public static SubscriptionChoices Of(SubscriptionRequested e) =>
        new(e.Themes, e.Chapters ?? [], e.MajorOnly ?? false, e.Frequency ?? SubscriptionFrequency.EachUpdate);

    public static SubscriptionChoices Of(SubscriptionConfirmed e) =>
        new(e.Themes, e.Chapters ?? [], e.MajorOnly ?? false, e.Frequency ?? SubscriptionFrequency.EachUpdate);

    public static SubscriptionChoices Of(SubscriptionView view) => new([.. view.Themes], [.. view.Chapters], view.MajorOnly, view.Frequency);

    /// <summary>Does this edition item interest the subscriber: one of their themes or chapters (none chosen: every item), and major when they asked for that?</summary>
    public bool Interests(Content.Contracts.EditionItem item) => Interests(item.Change == "major", item.Themes, item.Chapters ?? []);

    /// <summary>The same for an item with these properties (as the weekly overview noted it).</summary>
    public bool Interests(bool major, IEnumerable<string> themes, IEnumerable<string> chapters) =>
        (!MajorOnly || major) &&
        ((Themes.Length == 0 && Chapters.Length == 0) ||
         themes.Any(t => Themes.Contains(t.Trim().ToLowerInvariant())) ||
         chapters.Any(c => Chapters.Contains(c.Trim())));

    /// <summary>The choices in Dutch, for mails, pages and the audit trail: "thema's: wonen; alleen grote wijzigingen; wekelijks overzicht".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Themes.Length == 0 && Chapters.Length == 0) parts.Add("de hele gids");
        if (Themes.Length > 0) parts.Add($"thema's: {string.Join(", ", Themes)}");
        if (Chapters.Length > 0) parts.Add($"hoofdstukken: {string.Join(", ", Chapters)}");
        parts.Add(MajorOnly ? "alleen grote wijzigingen" : "grote en kleine wijzigingen");
        parts.Add(Frequency.Dutch());
        return string.Join("; ", parts);
    }

    /// <summary>The choices in a confirmation link: "themes|chapters|major|frequency" (slugs and numbers hold no '|' or ',').</summary>
    public string ToPayload() => $"{string.Join(',', Themes)}|{string.Join(',', Chapters)}|{(MajorOnly ? "1" : "0")}|{Frequency.Wire()}";

    /// <summary>Reads <see cref="ToPayload"/>; a link mailed before the choices existed holds only the themes.</summary>
    public static SubscriptionChoices FromPayload(string[] parts) => new(
        ThemeFilter.Normalize(parts.Length > 0 ? [parts[0]] : []),
        ThemeFilter.Normalize(parts.Length > 1 ? [parts[1]] : []),
        parts.Length > 2 && parts[2] == "1",
        parts.Length > 3 && StableEnums.TryParse<SubscriptionFrequency>(parts[3], out var frequency) ? frequency : SubscriptionFrequency.EachUpdate);
}
