using Wijkengids.Community.Contracts;

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
