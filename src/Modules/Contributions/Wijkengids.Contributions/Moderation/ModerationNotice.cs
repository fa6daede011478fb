namespace Wijkengids.Contributions.Moderation;

/// <summary>What a contributor reads about a decision, in the mail and on their page: the reason in words, the editor's own words, and whether they may object.</summary>
internal static class ModerationNotice
{
    public static string? Text(ModerationDecision decision, string? reasonCode, string? words, bool canObject)
    {
        var parts = new List<string>();
        // A positive decision's default reason says nothing the status does not; a removal's reason is the point.
        if (reasonCode is not null && reasonCode != decision.DefaultReason) parts.Add($"Reden: {ModerationReasons.DutchName(reasonCode)}.");
        if (!string.IsNullOrWhiteSpace(words)) parts.Add(words.Trim());
        if (canObject) parts.Add("Bent u het niet eens met dit besluit? U kunt één keer bezwaar maken; een andere redacteur beoordeelt het.");
        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }
}
