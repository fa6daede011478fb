using System.Globalization;
using Marten;
using Wijkengids.Community.Contracts;

namespace Wijkengids.Audit.Timeline;

/// <summary>On an erasure (AVG) the actor's name learned from AccountOpened is masked; the entries keep the actor id only.</summary>
public static class ErasureRequestedHandler
{
    public const string ErasedName = "gewiste gebruiker";

    public static async Task Handle(ErasureRequested message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var actor = await session.LoadAsync<ActorName>(message.SubjectId.ToString(), cancellationToken)
                    ?? new ActorName { Id = message.SubjectId.ToString() };
        actor.DisplayName = ErasedName;
        session.Store(actor);
    }
}

/// <summary>What the audit holds about a person: the name it knows them by and what they did (descriptions, no contents).</summary>
internal sealed class AuditPersonalData(IQuerySession session) : IPersonalDataSource
{
    public async Task<PersonalDataSection> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken = default)
    {
        var id = subject.SubjectId.ToString();
        var items = new List<PersonalDataItem>();
        if (await session.LoadAsync<ActorName>(id, cancellationToken) is { } actor)
        {
            items.Add(new PersonalDataItem("naam in de geschiedenis", new Dictionary<string, string?> { ["naam"] = actor.DisplayName }));
        }
        var entries = await session.Query<AuditEntry>().Where(e => e.Actor == id).OrderBy(e => e.Id).Take(1000).ToListAsync(cancellationToken);
        items.AddRange(entries.Select(e => new PersonalDataItem("wijziging door u", new Dictionary<string, string?>
        {
            ["wanneer"] = e.Timestamp.ToString("O", CultureInfo.InvariantCulture), ["module"] = e.Module, ["wat"] = e.Description, ["reden"] = e.Reason,
        })));
        return new PersonalDataSection("audit", "Uw naam en wijzigingen in de geschiedenis", items);
    }
}
