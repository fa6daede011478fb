using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Wijkengids.Audit.Watch;
using Wijkengids.SharedKernel;

namespace Wijkengids.Audit.Timeline;

/// <summary>Something an item's events refer to: a person (with their name as the audit knows it) or another item.</summary>
/// <param name="Kind">"persoon", "item" or "onbekend" (an id the audit has no events or name for).</param>
public sealed record ProvenanceReference(string Id, string Kind, string Label, string? Module, int Mentions);

/// <summary>The proposal a revision came from: its id (a stream in Contributions), the contributor, the accepting editor.</summary>
public sealed record ProvenanceContribution(string ProposalId, string ContributorId, string ContributorName, bool ContributorErased,
    string? AcceptedBy, string? AcceptedByName);

/// <summary>
/// One revision of the item: who wrote it (or, for a proposal, who accepted it, with the contributor), its full text
/// and what it changed in the revision before it (<see cref="ComparedWith"/>), the later steps on it (submitted,
/// approved, published: who and when), and the edition that carried it.
/// </summary>
public sealed record ProvenanceRevision(int Number, long Position, DateTimeOffset Timestamp, string LocalTime, string Author,
    string AuthorName, string Description, string? Reason, int? RestoredFrom, ProvenanceContribution? Contribution, string Title,
    string Text, int? ComparedWith, IReadOnlyList<Wijkengids.Platform.Text.DiffPiece> Changes, IReadOnlyList<TimelineEntry> Steps, int? Edition);

/// <summary>A published edition ("update") that listed the item, with the revision it carried and who published it.</summary>
public sealed record ProvenanceEdition(int Number, string Title, int Revision, DateTimeOffset PublishedAt, string LocalTime,
    string Actor, string ActorName, string StreamId, long Position);

/// <summary>Where a sentence came from: the first revision whose text contains it, and the first edition that carried it.</summary>
public sealed record SentenceOrigin(string Sentence, bool Found, ProvenanceRevision? Revision, ProvenanceEdition? Edition);

/// <summary>
/// Where an item comes from and where it went: its revisions (author, proposal and contributor, text, review and
/// publication), the editions that carried it, its own events oldest first, the events of other items that mention
/// it, what its events refer to, and, when asked, which revision introduced a sentence.
/// </summary>
public sealed record ItemProvenance(string Item, string? Module, string? FirstDescription, string? Title,
    IReadOnlyList<ProvenanceRevision> Revisions, IReadOnlyList<ProvenanceEdition> Editions, SentenceOrigin? Sentence,
    IReadOnlyList<TimelineEntry> Events, IReadOnlyList<TimelineEntry> MentionedIn, IReadOnlyList<ProvenanceReference> References);

/// <param name="Sentence">Optional: a sentence (or part of one) to trace to the revision that introduced it.</param>
public sealed record GetItemProvenance(string Item, string? Sentence = null) : IRequest<ItemProvenance>;

internal sealed class GetItemProvenanceValidator : AbstractValidator<GetItemProvenance>
{
    public GetItemProvenanceValidator()
    {
        RuleFor(x => x.Item).NotEmpty().WithMessage("Geef het item op.").MaximumLength(200).WithMessage("De id van het item is te lang.");
        RuleFor(x => x.Sentence!.Trim()).MinimumLength(3).WithName("sentence").WithMessage("Geef ten minste 3 tekens van de zin op.")
            .MaximumLength(500).WithMessage("Zoek op één zin (hoogstens 500 tekens).")
            .When(x => x.Sentence is not null);
    }
}

internal sealed class GetItemProvenanceHandler(IDocumentStore store, IQuerySession session, IPersonalDataVault vault, AuditAccessLog accessLog)
    : IRequestHandler<GetItemProvenance, ItemProvenance>
{
    private const int MaximumEvents = 500;

    public Task<ItemProvenance> Handle(GetItemProvenance request, CancellationToken cancellationToken)
    {
        var item = request.Item.Trim();
        var sentence = string.IsNullOrWhiteSpace(request.Sentence) ? null : request.Sentence.Trim();
        return accessLog.WhileRecordingAsync(new AuditProvenanceViewed(item, sentence), () => ReadAsync(item, sentence, cancellationToken),
            cancellationToken);
    }

    private async Task<ItemProvenance> ReadAsync(string item, string? sentence, CancellationToken cancellationToken)
    {
        var own = await ReadTimelineHandler.QueryAsync(store, new TimelineFilter(Item: item), null, null, ascending: true, MaximumEvents,
            cancellationToken);
        var itemId = Guid.TryParse(item, out var parsed) ? parsed : (Guid?)null;
        var mentionedIn = itemId is not null
            ? (await ReadTimelineHandler.QueryAsync(store, new TimelineFilter(About: item), null, null, ascending: true, MaximumEvents,
                cancellationToken)).Where(r => r.Stream != item).ToList()
            : [];
        if (own.Count == 0 && mentionedIn.Count == 0) throw new NotFoundException("De audit kent geen gebeurtenissen van of over dit item.");

        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var data = await RevisionTrail.DataAsync(session, own.Concat(mentionedIn).Select(r => r.Position), cancellationToken);
        var referenced = await ReferencedAsync(connection, item, cancellationToken);

        var written = own.Select(r => (Row: r, Revision: data.TryGetValue(r.Position, out var d) ? RevisionTrail.RevisionWritten(d) : null))
            .Where(x => x.Revision is not null).ToList();
        var editionRows = itemId is { } id
            ? mentionedIn.Select(r => (Row: r, Edition: data.TryGetValue(r.Position, out var d) ? RevisionTrail.EditionListing(d, id) : null))
                .Where(x => x.Edition is not null).ToList()
            : [];

        var actors = new ActorDirectory(session);
        await actors.LoadAsync(own.Concat(mentionedIn).Select(r => r.Actor).Concat(referenced.Keys)
            .Concat(written.SelectMany(w => new[] { w.Revision!.Origin?.ProposerId.ToString(), w.Revision.Origin?.AcceptedBy?.ToString() })
                .OfType<string>()), cancellationToken);

        var editions = editionRows.Select(x => new ProvenanceEdition(x.Edition!.Number, x.Edition.Title, x.Edition.Revision,
            x.Edition.PublishedAt, AmsterdamTime.Format(x.Edition.PublishedAt), x.Row.Actor, actors.NameOf(x.Row.Actor), x.Row.Stream,
            x.Row.Position)).ToList();
        var revisions = new List<ProvenanceRevision>();
        RevisionTrail.StoredRevision? previous = null;
        foreach (var (row, revision) in written)
        {
            var steps = own.Where(r => r.Position != row.Position && data.TryGetValue(r.Position, out var d)
                                       && RevisionTrail.RevisionOf(d) == revision!.Number && RevisionTrail.RevisionWritten(d) is null)
                .Select(r => r.ToEntry(actors)).ToList();
            revisions.Add(new ProvenanceRevision(revision!.Number, row.Position, row.Timestamp, AmsterdamTime.Format(row.Timestamp), row.Actor,
                actors.NameOf(row.Actor), row.Description, actors.ReasonShown(row.Actor, row.Reason), revision.RestoredFrom,
                await ContributionAsync(revision.Origin, actors, cancellationToken), revision.Title, revision.Text, previous?.Number,
                previous is null ? [] : Wijkengids.Platform.Text.WordDiff.Compare(previous.Text, revision.Text), steps,
                editions.FirstOrDefault(e => e.Revision == revision.Number)?.Number));
            previous = revision;
        }

        var references = new List<ProvenanceReference>();
        foreach (var (refId, count) in referenced.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            if (actors.Find(refId) is not null)
            {
                // The key goes first, the audit's copy of the name a moment later (a message): either means erased.
                var erased = actors.IsErased(refId) || (Guid.TryParse(refId, out var person) && await vault.IsErasedAsync(person, cancellationToken));
                references.Add(new ProvenanceReference(refId, "persoon", erased ? ActorName.ErasedLabel : actors.NameOf(refId), null, count));
            }
            else if (await FirstOfStreamAsync(refId, cancellationToken) is { } first)
                references.Add(new ProvenanceReference(refId, "item", first.Description, first.Module, count));
            else references.Add(new ProvenanceReference(refId, "onbekend", refId, null, count));
        }
        return new ItemProvenance(item, own.FirstOrDefault()?.Module, own.FirstOrDefault()?.Description, revisions.LastOrDefault()?.Title,
            revisions, editions, sentence is null ? null : Trace(sentence, revisions, editions),
            own.Select(r => r.ToEntry(actors)).ToList(), mentionedIn.Select(r => r.ToEntry(actors)).ToList(), references);
    }

    /// <summary>The first revision (in the order they were written) whose text contains the sentence, and the first edition carrying a revision with it.</summary>
    private static SentenceOrigin Trace(string sentence, List<ProvenanceRevision> revisions, List<ProvenanceEdition> editions)
    {
        var wanted = RevisionTrail.Comparable(sentence);
        var containing = revisions.Where(r => RevisionTrail.Comparable(r.Text).Contains(wanted, StringComparison.Ordinal)).ToList();
        var first = containing.FirstOrDefault();
        var edition = first is null ? null : editions.FirstOrDefault(e => e.Position > first.Position && containing.Any(r => r.Number == e.Revision));
        return new SentenceOrigin(sentence, first is not null, first, edition);
    }

    /// <summary>The contributor behind a revision: the name the audit knows, else the sealed name from the event; erased shows as erased.</summary>
    private async Task<ProvenanceContribution?> ContributionAsync(RevisionOrigin? attribution, ActorDirectory actors,
        CancellationToken cancellationToken)
    {
        if (attribution is null) return null;
        var contributor = attribution.ProposerId.ToString();
        var known = actors.Find(contributor);
        var erased = known?.ErasedAt is not null || await vault.IsErasedAsync(attribution.ProposerId, cancellationToken);
        var name = erased ? ActorName.ErasedLabel
            : known?.Shown ?? await vault.RevealAsync(attribution.ProposerName, cancellationToken) ?? ActorName.UnknownLabel;
        var acceptedBy = attribution.AcceptedBy?.ToString();
        return new ProvenanceContribution(attribution.ProposalId.ToString(), contributor, name, erased, acceptedBy,
            acceptedBy is null ? null : actors.NameOf(acceptedBy));
    }

    /// <summary>The ids the item's own events mention, with how often.</summary>
    private static async Task<Dictionary<string, int>> ReferencedAsync(NpgsqlConnection connection, string item, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select m::text, count(*) from {AuditTimelineProjection.Table} t cross join lateral unnest(t.mentions) m where t.stream = $1 group by m",
            connection);
        command.Parameters.AddWithValue(item);
        var found = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) found[reader.GetString(0)] = (int)reader.GetInt64(1);
        return found;
    }

    private async Task<TimelineRow?> FirstOfStreamAsync(string stream, CancellationToken cancellationToken) =>
        (await ReadTimelineHandler.QueryAsync(store, new TimelineFilter(Item: stream), null, null, ascending: true, 1, cancellationToken))
        .FirstOrDefault();

    internal static void MapEndpoints(RouteGroupBuilder audit) =>
        audit.MapGet("/items/{item}/provenance", async (string item, string? sentence, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetItemProvenance(item, sentence), ct)))
            .WithName("GetAuditItemProvenance")
            .WithSummary("Herkomst van een item: elke revisie met schrijver, voorstel en bijdrager, tekst, review en publicatie; de " +
                         "updates waarin het verscheen; zijn eigen gebeurtenissen en die van andere items die het noemen; met " +
                         "sentence=… de eerste revisie waarin die zin staat en de eerste update daarna (auditor, beheerder)");
}
