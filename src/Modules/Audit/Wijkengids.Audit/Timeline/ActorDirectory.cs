using Marten;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Timeline;

/// <summary>
/// How actors are shown: their display name, "systeem", "onbekend" (name not learned yet) or, after an erasure,
/// "gewiste persoon". What an erased person wrote as a reason is not shown either.
/// </summary>
internal sealed class ActorDirectory(IQuerySession session)
{
    public const string ErasedReason = "(gewist)";

    private readonly Dictionary<string, ActorName?> _known = new() { [IRequestContext.SystemActor] = null };

    public async Task LoadAsync(IEnumerable<string> actors, CancellationToken cancellationToken)
    {
        var missing = actors.Where(a => !_known.ContainsKey(a)).Distinct().ToArray();
        if (missing.Length == 0) return;
        var found = (await session.LoadManyAsync<ActorName>(cancellationToken, missing)).ToDictionary(a => a.Id);
        foreach (var id in missing) _known[id] = found.GetValueOrDefault(id);
    }

    public ActorName? Find(string actor) => _known.GetValueOrDefault(actor);

    public string NameOf(string actor) => actor == IRequestContext.SystemActor
        ? ActorName.SystemLabel
        : Find(actor)?.Shown ?? ActorName.UnknownLabel;

    public bool IsErased(string actor) => Find(actor)?.ErasedAt is not null;

    public string? ReasonShown(string actor, string? reason) => reason is not null && IsErased(actor) ? ErasedReason : reason;
}
