using Wijkengids.Content.Contracts;
using Wijkengids.Content.Editions;
using Wijkengids.Content.Items;
using Wolverine.Marten;

namespace Wijkengids.Content.Publishing;

/// <summary>
/// Tells other modules that a lesson was published (contract message <see cref="LessonPublished"/>), through
/// Wolverine's Marten outbox, which the unit of work enrolled: it commits with the publish event or not at all.
/// </summary>
internal sealed class LessonPublication(IQuerySession session, IMartenOutbox outbox)
{
    public async Task AnnounceAsync(ItemPublished published, CancellationToken cancellationToken)
    {
        if (published.Kind != ItemKinds.Lesson) return;
        var nextEdition = await NextEditionNumberAsync(session, cancellationToken);
        var sections = (await SectionRefs.WithCurrentNumbersAsync(session, published.Text, cancellationToken)).Sections;
        await outbox.PublishAsync(new LessonPublished(published.ItemId, published.Text.Title, published.Slug,
            sections.ToList(), nextEdition, published.PublishedAt));
    }

    /// <summary>The number the next published edition will get.</summary>
    public static async Task<int> NextEditionNumberAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var last = await session.Query<EditionView>().Where(e => e.Published).OrderByDescending(e => e.Number)
            .Select(e => e.Number).FirstOrDefaultAsync(cancellationToken);
        return last + 1;
    }
}
