namespace Wijkengids.Contributions.Contracts;

/// <summary>
/// The reactions editors published under a section or lesson, for the guide's public pages. <c>about</c> is
/// "sectie:1.4" or "les:&lt;slug&gt;". Implemented and registered by Contributions.
/// </summary>
public interface IPublishedReactions
{
    Task<IReadOnlyList<PublishedReaction>> AboutAsync(string about, CancellationToken cancellationToken = default);
}

/// <summary>A published reaction: <see cref="Author"/> is the sender's name only if they agreed; <see cref="Answer"/> only a public answer. Plain text.</summary>
public sealed record PublishedReaction(Guid Id, string Author, string Message, DateTimeOffset ReceivedAt, string? Answer);

/// <summary>What readers see under <see cref="About"/> changed (a reaction was published, withdrawn, hidden or answered publicly).</summary>
public sealed record PublishedReactionsChanged(string About, DateTimeOffset ChangedAt);
