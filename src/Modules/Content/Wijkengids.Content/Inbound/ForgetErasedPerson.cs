using Wijkengids.Community.Contracts;
using Wijkengids.Content.People;

namespace Wijkengids.Content.Inbound;

/// <summary>
/// Erasure (AVG): the person's name disappears from this module's read models. Events keep the sealed name,
/// unreadable once Community deletes the key (docs/adr/0007).
/// </summary>
public static class ContentErasureHandler
{
    public static void Handle(ErasureRequested message, IDocumentSession session, TimeProvider clock)
    {
        session.Store(new PersonName { Id = message.SubjectId, DisplayName = "", Erased = true });
        // Public pages may show the name ("met bijdragen van …"): a new guide version makes every cached page stale.
        var now = clock.GetUtcNow();
        session.Store(new Reading.GuideVersion { Version = now.UtcTicks, ChangedAt = now });
    }
}
