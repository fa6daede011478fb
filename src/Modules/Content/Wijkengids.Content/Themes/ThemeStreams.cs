using JasperFx.Events;

namespace Wijkengids.Content.Themes;

/// <summary>Loading a theme's stream for a change; the unit of work saves.</summary>
internal static class ThemeStreams
{
    public const string Changed = "Dit thema is intussen door iemand anders gewijzigd. Laad het opnieuw en probeer het nog eens.";

    public static Task<IEventStream<ThemeView>> FetchAsync(IDocumentSession session, Guid id, long? expectedVersion,
        CancellationToken cancellationToken) =>
        session.FetchForChangeAsync<ThemeView>(id, expectedVersion, "Dit thema bestaat niet.", Changed, cancellationToken);

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
