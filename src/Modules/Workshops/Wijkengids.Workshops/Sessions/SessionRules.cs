namespace Wijkengids.Workshops.Sessions;

internal static class SessionRules
{
    public const string NotFound = "Deze sessie bestaat niet.";

    public static bool IsHttpsLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && link.Length <= 500;

    /// <summary>Local Amsterdam time → UTC; a time that does not exist (spring forward) is refused.</summary>
    public static DateTimeOffset ToUtc(DateTime local)
    {
        if (local.Kind == DateTimeKind.Utc) return new DateTimeOffset(local);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (DutchTime.Zone.IsInvalidTime(unspecified)) throw new RuleViolationException("Dit tijdstip bestaat niet door de overgang naar zomertijd; kies een ander tijdstip.");
        return new DateTimeOffset(unspecified, DutchTime.Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
