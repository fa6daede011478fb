using Microsoft.Extensions.Logging;
using Wijkengids.Content.Intake;
using Wijkengids.Content.Items;
using Wijkengids.Content.People;
using Wijkengids.Content.Themes;
using Wijkengids.Contributions.Contracts;
using Wolverine;

namespace Wijkengids.Content.Inbound;

/// <summary>
/// Co-creation intake: an editor accepted a contributor's proposal in Contributions; here it becomes a draft
/// revision of the lesson (or a new lesson), with attribution kept as data — proposed by whom (name sealed with
/// the proposer's key), accepted by whom, from which proposal. It still goes through review and publication.
/// Idempotent: a redelivered message finds its record and does nothing.
/// </summary>
public static class ProposalAcceptedHandler
{
    public static async Task Handle(ProposalAccepted message, IDocumentSession session, IPersonalDataVault vault, Envelope envelope,
        ILogger<ProposalIntakeRecord> logger, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<ProposalIntakeRecord>(message.ProposalId, cancellationToken) is not null) return;

        var context = new FixedRequestContext(message.AcceptedByAccountId.ToString(), envelope.CorrelationId ?? Guid.NewGuid().ToString("N"),
            envelope.Id.ToString());
        session.Stamp(context, string.IsNullOrWhiteSpace(message.Reason) ? "voorstel overgenomen" : message.Reason);
        var attribution = new Attribution(message.ProposalId, message.ProposerAccountId,
            await vault.SealAsync(message.ProposerAccountId, message.ProposerDisplayName, cancellationToken),
            message.AcceptedByAccountId, message.BasedOnRevision);

        var existing = message.LessonId is { } lessonId ? await session.LoadAsync<ItemState>(lessonId, cancellationToken) : null;
        var usable = existing is { Kind: ItemKinds.Lesson } && existing.Status != ItemStatus.Archived;
        if (message.LessonId is not null && !usable)
        {
            logger.LogWarning("Voorstel {Proposal} betreft les {Lesson}, die niet (meer) bestaat; het wordt een nieuwe les", message.ProposalId, message.LessonId);
        }
        var text = await TextOfAsync(session, message, usable ? existing!.Text : null, cancellationToken);

        if (usable)
        {
            var stream = await session.Events.FetchForWriting<ItemState>(existing!.Id, cancellationToken);
            stream.AppendOne(stream.Aggregate!.SaveDraft(text, attribution));
        }
        else
        {
            var itemId = Guid.NewGuid();
            var slug = await CreateItemHandler.FreeSlugAsync(session, ItemKinds.Lesson, text, cancellationToken);
            session.Events.StartStream<ItemState>(itemId, new ItemCreated(itemId, ItemKinds.Lesson, slug), new DraftSaved(itemId, 1, text, attribution));
        }
        var known = await session.LoadAsync<PersonName>(message.ProposerAccountId, cancellationToken);
        if (known?.Erased != true) session.Store(new PersonName { Id = message.ProposerAccountId, DisplayName = message.ProposerDisplayName });
        // Wolverine's transaction middleware saves the session (events, and through the projection the intake record, and the name together).
    }

    /// <summary>The proposed text on top of the current one; themes and sections that do not exist are left out.</summary>
    private static async Task<ItemText> TextOfAsync(IQuerySession session, ProposalAccepted message, ItemText? current, CancellationToken cancellationToken)
    {
        var themes = message.Themes.Count > 0 ? message.Themes : current?.Themes ?? [];
        var wantedThemes = themes.ToArray();
        var knownThemes = await session.Query<ThemeView>().Where(t => wantedThemes.Contains(t.Slug)).Select(t => t.Slug).ToListAsync(cancellationToken);
        var currentSections = current is null ? [] : (await SectionRefs.WithCurrentNumbersAsync(session, current, cancellationToken)).Sections;
        var sections = currentSections.Concat(message.SectionNumber is { } s ? [s] : []).Distinct().ToArray();
        var knownSections = await SectionRefs.IdsOfAsync(session, sections, cancellationToken);
        var attached = sections.Where(knownSections.ContainsKey).ToList();
        return ((current ?? new ItemText()) with
        {
            Title = string.IsNullOrWhiteSpace(message.Title) ? current?.Title ?? "Voorstel zonder titel" : message.Title,
            Statement = message.Statement ?? current?.Statement,
            Body = message.Body,
            Sources = message.Sources.Count > 0
                ? message.Sources.Select(x => new SourceRef(x.Title, x.Author, x.Year, x.Link, x.Kind)).ToList()
                : current?.Sources ?? [],
            Themes = wantedThemes.Where(knownThemes.Contains).ToList(),
            Sections = attached,
            SectionIds = attached.Select(n => knownSections[n]).ToList(),
        }).Normalized();
    }
}
