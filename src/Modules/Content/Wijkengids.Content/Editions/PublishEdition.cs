using Wijkengids.Content.Contracts;
using Wijkengids.Content.Items;
using Wijkengids.Content.Reading;
using Wolverine.Marten;

namespace Wijkengids.Content.Editions;

/// <summary>Publishes the composed edition; the contract message EditionPublished goes out in the same transaction.</summary>
public sealed record PublishEdition(int Number, long? ExpectedVersion, string? Reason = null) : ICommand<Unit>, IAnswersLostRace<Unit>
{
    public Unit LostRace() => throw ComposeEditionHandler.EditionConflict(Number);
}

internal sealed class PublishEditionValidator : AbstractValidator<PublishEdition>
{
    public PublishEditionValidator()
    {
        RuleFor(x => x.ExpectedVersion).NotNull().WithMessage(Items.ItemSteps.ExpectedVersionMessage);
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class PublishEditionHandler(IDocumentSession session, IMartenOutbox outbox, IRequestContext context, TimeProvider clock)
    : IRequestHandler<PublishEdition, Unit>
{
    public async Task<Unit> Handle(PublishEdition request, CancellationToken cancellationToken)
    {
        var id = EditionView.StreamIdOf(request.Number);
        session.Stamp(context, request.Reason);
        var stream = await session.Events.FetchForWriting<EditionView>(id, cancellationToken);
        var edition = stream.Aggregate ?? throw new NotFoundException($"Update {request.Number} bestaat niet.");
        if (edition.Published) throw new RuleViolationException($"Update {request.Number} is al gepubliceerd.");
        if (request.ExpectedVersion != stream.CurrentVersion) throw ComposeEditionHandler.EditionConflict(request.Number);

        // The items must still be published in the revision the notes describe.
        var current = await session.LoadManyAsync<PublicItem>(cancellationToken, edition.Entries.Select(e => e.ItemId).ToArray());
        var stale = edition.Entries.Where(e => current.FirstOrDefault(i => i.Id == e.ItemId)?.Revision != e.ToRevision).ToList();
        if (stale.Count > 0)
        {
            var conflict = new ConflictException("Sinds het samenstellen is opnieuw gepubliceerd of offline gehaald: " +
                                                 $"{string.Join(", ", stale.Select(s => s.Title))}. Stel de update opnieuw samen.");
            conflict.Extensions["currentPage"] = "/redactie/updates";
            throw conflict;
        }

        var now = clock.GetUtcNow();
        stream.AppendOne(new EditionReleased(id, edition.Number, edition.Title, edition.Entries, now));
        var items = new List<EditionItem>();
        foreach (var e in edition.Entries)
        {
            items.Add(new EditionItem(e.ItemId, e.Kind, e.Title, e.Url, e.Change, e.Note, e.Themes,
                await ChaptersOfAsync(current.First(i => i.Id == e.ItemId), cancellationToken)));
        }
        await outbox.PublishAsync(new EditionPublished(edition.Number, edition.Title, now, items));
        return Unit.Value;
    }

    /// <summary>The chapters an item belongs to: a chapter its own, a section its chapter, a lesson those of its sections (as numbered now).</summary>
    private async Task<IReadOnlyList<string>> ChaptersOfAsync(PublicItem item, CancellationToken cancellationToken)
    {
        IReadOnlyList<string?> numbers = item.Kind is ItemKinds.Chapter or ItemKinds.Section
            ? [item.Number]
            : [.. await ReadGuideHandler.SectionNumbersAsync(session, item.SectionIds, cancellationToken)];
        return numbers.Select(ReadGuideHandler.ChapterOf).Where(n => n.Length > 0).Distinct().ToList();
    }

    internal sealed record Body(long? ExpectedVersion, string? Reason);

    internal static void MapEndpoint(RouteGroupBuilder editions) =>
        editions.MapPost("/{number:int}/publish", async (int number, Body body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new PublishEdition(number, body.ExpectedVersion, body.Reason), ct);
                return TypedResults.Ok(await m.Send(new GetEdition(number), ct));
            })
            .WithName("PublishEdition").WithSummary("De samengestelde update publiceren; stuurt EditionPublished (redactie)");
}
