using Wijkengids.Contributions.Contracts;

namespace Wijkengids.Contributions.Reactions;

/// <summary>Contributions' answer to <see cref="IPublishedReactions"/>, for the guide's section and lesson pages.</summary>
internal sealed class PublishedReactions(IQuerySession session) : IPublishedReactions
{
    public const string Anonymous = "Anonieme lezer";

    public async Task<IReadOnlyList<PublishedReaction>> AboutAsync(string about, CancellationToken cancellationToken = default)
    {
        var reactions = await session.Query<ReactionView>()
            .Where(r => r.About == about && r.Published && !r.Spam)
            .OrderBy(r => r.ReceivedAt)
            .ToListAsync(cancellationToken);
        return reactions.Select(r => new PublishedReaction(r.Id, r.ShowName ? r.Name : Anonymous, r.Message, r.ReceivedAt,
            r.AnswerPublic ? r.Answer : null)).ToList();
    }
}
