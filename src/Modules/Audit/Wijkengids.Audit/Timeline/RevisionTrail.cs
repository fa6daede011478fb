using System.Text;
using Marten;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Timeline;

/// <summary>
/// Reads revisions and editions from the stored events through the contracts they declare in the SharedKernel
/// (<see cref="IRevisionEvent"/>, <see cref="IRevisionWritten"/>, <see cref="IReleaseEvent"/>), never by the field names of
/// their JSON or the namespace of their type, so the audit needs no reference to the module that wrote them and a module
/// can reshape its events (with an upcaster) without breaking provenance (docs/adr/0035). Events are loaded by Marten, so
/// those stored under older names or shapes read as their current type.
/// </summary>
internal static class RevisionTrail
{
    /// <summary>A revision as stored: its number and text and, when it came from a proposal, where from.</summary>
    public sealed record StoredRevision(int Number, string Title, string Text, int? RestoredFrom, RevisionOrigin? Origin);

    public sealed record StoredEdition(int Number, string Title, int Revision, DateTimeOffset PublishedAt);

    /// <summary>The data of the events at these positions, as their current types.</summary>
    public static async Task<Dictionary<long, object>> DataAsync(IQuerySession session, IEnumerable<long> positions,
        CancellationToken cancellationToken)
    {
        var wanted = positions.Distinct().ToArray();
        if (wanted.Length == 0) return [];
        var events = await session.Events.QueryAllRawEvents().Where(e => e.Sequence.IsOneOf(wanted)).ToListAsync(cancellationToken);
        return events.ToDictionary(e => e.Sequence, e => e.Data);
    }

    /// <summary>The revision number an event is about, if any.</summary>
    public static int? RevisionOf(object data) => (data as IRevisionEvent)?.Revision;

    /// <summary>The revision this event wrote (a draft, an intake, a restore), or null when it wrote none.</summary>
    public static StoredRevision? RevisionWritten(object data)
    {
        if (data is not IRevisionWritten written) return null;
        var text = written.Written();
        return new StoredRevision(written.Revision, text.Title, text.Text, text.RestoredFrom, text.Origin);
    }

    /// <summary>The published edition this event is, listing <paramref name="item"/>; null for anything else.</summary>
    public static StoredEdition? EditionListing(object data, Guid item) =>
        data is IReleaseEvent release && release.RevisionOf(item) is { } revision
            ? new StoredEdition(release.Number, release.Title, revision, release.PublishedAt)
            : null;

    /// <summary>
    /// A sentence as it is compared: Markdown emphasis and heading marks dropped, white space collapsed, lower case,
    /// so that "zoek een zin" finds it whether or not the editor made a word bold or broke the line.
    /// </summary>
    public static string Comparable(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (c is '*' or '_' or '`' or '#' or '>') continue;
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(char.ToLowerInvariant(c switch { '\u2018' or '\u2019' => '\'', '\u201c' or '\u201d' => '"', _ => c }));
        }
        return builder.ToString();
    }
}
