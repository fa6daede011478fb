namespace Wijkengids.SharedKernel;

// What events say about themselves to the audit (docs/adr/0035). The audit reads these contracts, never an event's
// private JSON shape or .NET namespace, so a module can reshape its events (with an upcaster) without breaking provenance.

/// <summary>An event about one revision of an item: a step on it (offered for review, approved, published) or writing it.</summary>
public interface IRevisionEvent
{
    int Revision { get; }
}

/// <summary>An event that wrote the text of a revision (a draft, a proposal taken in, an older text restored).</summary>
public interface IRevisionWritten : IRevisionEvent
{
    RevisionText Written();
}

/// <summary>
/// The text of a revision as the audit compares it: the title and the whole text (title, statement, body, summary lines)
/// as one string; the revision it restored, if any; and the proposal it came from, if any.
/// </summary>
public sealed record RevisionText(string Title, string Text, int? RestoredFrom, RevisionOrigin? Origin);

/// <summary>The proposal a revision came from: its id, the contributor (name sealed with their key) and the accepting editor.</summary>
public sealed record RevisionOrigin(Guid ProposalId, Guid ProposerId, Sealed? ProposerName, Guid? AcceptedBy);

/// <summary>An event that published revisions of items to readers in one numbered release (an edition, "update").</summary>
public interface IReleaseEvent
{
    int Number { get; }
    string Title { get; }
    DateTimeOffset PublishedAt { get; }

    /// <summary>The revision of <paramref name="item"/> this release carried, or null when it did not list the item.</summary>
    int? RevisionOf(Guid item);
}
