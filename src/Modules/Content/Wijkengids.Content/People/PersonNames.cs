using Marten;
using Wijkengids.Community.Contracts;
using Wijkengids.SharedKernel;

namespace Wijkengids.Content.People;

/// <summary>
/// The display name of an editor or contributor, as this module shows it ("revisie 3 door Eva Redacteur",
/// "met bijdragen van …"). Learned from Community's AccountOpened and from accepted proposals; masked on erasure.
/// </summary>
public sealed class PersonName
{
    public Guid Id { get; set; }
    public string DisplayName { get; set; } = "";
    public bool Erased { get; set; }
}

internal sealed class PersonNames(IQuerySession session)
{
    public const string ErasedName = "(naam gewist)";

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> actors, CancellationToken cancellationToken)
    {
        var ids = actors.Select(a => Guid.TryParse(a, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToArray();
        if (ids.Length == 0) return new Dictionary<string, string>();
        var people = await session.LoadManyAsync<PersonName>(cancellationToken, ids);
        return people.ToDictionary(p => p.Id.ToString(), p => p.Erased ? ErasedName : p.DisplayName);
    }

    public static string NameOf(IReadOnlyDictionary<string, string> known, string actor) =>
        actor == IRequestContext.SystemActor ? "systeem" : known.GetValueOrDefault(actor, "onbekend");
}

/// <summary>Learns account names from Community (through the outbox).</summary>
public static class ContentAccountOpenedHandler
{
    public static async Task Handle(AccountOpened message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var existing = await session.LoadAsync<PersonName>(message.AccountId, cancellationToken);
        if (existing?.Erased == true) return;
        session.Store(new PersonName { Id = message.AccountId, DisplayName = message.DisplayName });
    }
}

/// <summary>
/// Erasure (AVG): the person's name disappears from this module's read models. Events keep the sealed name,
/// unreadable once Community deletes the key (docs/adr/0007).
/// </summary>
public static class ContentErasureHandler
{
    public static void Handle(ErasureRequested message, IDocumentSession session, TimeProvider clock, Caching.GuideVersionCache versions)
    {
        session.Store(new PersonName { Id = message.SubjectId, DisplayName = "", Erased = true });
        // Public pages may show the name ("met bijdragen van …"): a new guide version makes every cached page stale.
        var now = clock.GetUtcNow();
        session.Store(new Reading.GuideVersion { Version = now.UtcTicks, ChangedAt = now });
        versions.Invalidate();
    }
}
