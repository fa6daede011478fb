using Wijkengids.Content.Contracts;
using Wijkengids.Contributions.Contracts;

namespace Wijkengids.Contributions.Proposals;

/// <summary>
/// A proposal as shown in lists and on its own page. <see cref="Outdated"/>: the lesson has a newer published revision
/// (<see cref="CurrentRevision"/>) than the one the proposal started from. <see cref="Outcome"/>: which lesson and revision
/// it became in the guide, and whether and in which edition that was published. The diffs are only filled for one proposal:
/// <see cref="Changes"/> (proposal against its base) and, when outdated, <see cref="SinceBase"/> (base against the current text).
/// </summary>
public sealed record ProposalDetails(
    Guid Id, string Kind, string KindText, string Status, string StatusText, string Subject, string? LessonSlug, string? LessonTitle,
    IReadOnlyList<string> Sections, IReadOnlyList<string> Themes, DateTimeOffset SubmittedAt, DateTimeOffset ChangedAt,
    int BaseRevision, int? CurrentRevision, bool Outdated, string? Title, string? Statement, string? Body, ProposedSource? Source,
    string Motivation, string ProposerName, IReadOnlyList<ProposalNote> Conversation, string? EditorReason, Guid? MergedInto,
    IReadOnlyList<Guid> MergedDuplicates, ProposalOutcome? Outcome, IReadOnlyList<FieldDiff>? Changes, IReadOnlyList<FieldDiff>? SinceBase,
    long Version)
{
    /// <summary>The latest question of the editors, while it waits for an answer.</summary>
    public string? OpenQuestion => Status == ProposalStatuses.InformationRequested
        ? Conversation.LastOrDefault(n => n.From == ProposalNote.Editors)?.Text : null;
}

/// <summary>What a proposal can be about: the published lessons (with their current revision), sections and themes, and the kinds.</summary>
public sealed record ProposalOptions(IReadOnlyList<string> Kinds, IReadOnlyList<CatalogLesson> Lessons, IReadOnlyList<CatalogSection> Sections,
    IReadOnlyList<CatalogTheme> Themes, IReadOnlyList<string> SourceKinds);

/// <summary>One proposal; <see cref="AsEditor"/> false means only the proposer's own (anything else is "not found").</summary>
public sealed record GetProposal(Guid Id, bool AsEditor) : IRequest<ProposalDetails>;

/// <summary>The moderation queue: by status ("open" = ingediend and meer-informatie, "alle", or one status), kind, section and age; oldest first.</summary>
public sealed record ListProposalsForModeration(string? Status, string? Kind, string? Section, int? OlderThanDays) : IRequest<IReadOnlyList<ProposalDetails>>;

/// <summary>The signed-in contributor's own proposals, newest first.</summary>
public sealed record ListMyProposals : IRequest<IReadOnlyList<ProposalDetails>>;

internal sealed class ReadProposalsHandler(IQuerySession session, IRequestContext context, IGuideCatalog catalog, TimeProvider clock)
    : IRequestHandler<GetProposal, ProposalDetails>, IRequestHandler<ListProposalsForModeration, IReadOnlyList<ProposalDetails>>,
        IRequestHandler<ListMyProposals, IReadOnlyList<ProposalDetails>>
{
    public const string Open = "open";

    public async Task<ProposalDetails> Handle(GetProposal request, CancellationToken cancellationToken)
    {
        var proposal = await session.LoadAsync<ProposalView>(request.Id, cancellationToken);
        if (proposal is null || (!request.AsEditor && proposal.AccountId.ToString() != context.Actor))
        {
            throw new NotFoundException("Dit voorstel bestaat niet.");
        }
        var current = proposal.LessonId is { } lessonId ? await catalog.PublishedLessonAsync(lessonId, cancellationToken) : null;
        var outcome = (await catalog.ProposalOutcomesAsync([proposal.Id], cancellationToken)).FirstOrDefault();
        var details = ToDetails(proposal, current?.Revision, outcome);
        var basis = (proposal.BaseTitle, proposal.BaseStatement, proposal.BaseBody);
        var changes = proposal.Kind == ProposalKinds.Change ? TextDiff.Lesson(basis, (proposal.Title, proposal.Statement, proposal.Body)) : null;
        var sinceBase = details.Outdated && current is not null ? TextDiff.Lesson(basis, (current.Title, current.Statement, current.Body)) : null;
        return details with { Changes = changes, SinceBase = sinceBase };
    }

    public async Task<IReadOnlyList<ProposalDetails>> Handle(ListProposalsForModeration request, CancellationToken cancellationToken)
    {
        IQueryable<ProposalView> query = session.Query<ProposalView>();
        var status = string.IsNullOrWhiteSpace(request.Status) ? Open : request.Status;
        if (status == Open) query = query.Where(p => p.Status == ProposalStatuses.Submitted || p.Status == ProposalStatuses.InformationRequested);
        else if (status != "alle") query = query.Where(p => p.Status == status);
        if (!string.IsNullOrWhiteSpace(request.Kind)) query = query.Where(p => p.Kind == request.Kind);
        if (request.OlderThanDays is { } days)
        {
            var before = clock.GetUtcNow().AddDays(-days);
            query = query.Where(p => p.SubmittedAt <= before);
        }
        var proposals = await query.OrderBy(p => p.SubmittedAt).Take(500).ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(request.Section)) proposals = proposals.Where(p => p.Sections.Contains(request.Section.Trim())).ToList();
        return await WithGuideAsync(proposals, cancellationToken);
    }

    public async Task<IReadOnlyList<ProposalDetails>> Handle(ListMyProposals request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.Actor, out var account)) return [];
        var mine = await session.Query<ProposalView>().Where(p => p.AccountId == account).OrderByDescending(p => p.SubmittedAt)
            .ToListAsync(cancellationToken);
        return await WithGuideAsync(mine, cancellationToken);
    }

    /// <summary>Adds what the guide says now: the lessons' current revisions (outdated?) and the accepted proposals' outcomes.</summary>
    private async Task<IReadOnlyList<ProposalDetails>> WithGuideAsync(IReadOnlyList<ProposalView> proposals, CancellationToken cancellationToken)
    {
        if (proposals.Count == 0) return [];
        var revisions = (await catalog.PublishedLessonsAsync(cancellationToken)).ToDictionary(l => l.Id, l => l.Revision);
        var accepted = proposals.Where(p => p.Status == ProposalStatuses.Accepted).Select(p => p.Id).ToList();
        var outcomes = (await catalog.ProposalOutcomesAsync(accepted, cancellationToken)).ToDictionary(o => o.ProposalId);
        return proposals.Select(p => ToDetails(p, p.LessonId is { } id && revisions.TryGetValue(id, out var r) ? r : null,
            outcomes.GetValueOrDefault(p.Id))).ToList();
    }

    private static ProposalDetails ToDetails(ProposalView p, int? currentRevision, ProposalOutcome? outcome)
    {
        var subject = p.Kind == ProposalKinds.NewLesson ? p.Title ?? "" : p.LessonTitle ?? p.LessonSlug ?? "";
        var outdated = p.Kind != ProposalKinds.NewLesson && currentRevision > p.BaseRevision;
        return new ProposalDetails(p.Id, p.Kind, ProposalKinds.DutchName(p.Kind), p.Status, ProposalStatuses.DutchName(p.Status), subject,
            p.LessonSlug, p.LessonTitle, p.Sections, p.Themes, p.SubmittedAt, p.ChangedAt, p.BaseRevision, currentRevision, outdated,
            p.Title, p.Statement, p.Body, p.Source, p.Motivation, p.ProposerName, p.Conversation, p.EditorReason, p.MergedInto,
            p.MergedDuplicates, outcome, null, null, p.Version);
    }

    internal static void MapContributorEndpoints(RouteGroupBuilder contributors)
    {
        contributors.MapGet("/proposals/options", async (IGuideCatalog catalog, CancellationToken ct) =>
                TypedResults.Ok(new ProposalOptions(ProposalKinds.All, await catalog.PublishedLessonsAsync(ct), await catalog.SectionsAsync(ct),
                    await catalog.ThemesAsync(ct), SourceKindNames.All)))
            .WithName("GetProposalOptions").WithSummary("Waarover een voorstel kan gaan: soorten, gepubliceerde lessen met revisie, paragrafen, thema's (bijdrager)");
        contributors.MapGet("/proposals/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetProposal(id, AsEditor: false), ct)))
            .WithName("GetMyProposal").WithSummary("Eén eigen voorstel met diff, status, antwoord van de redactie en waar het in de gids terechtkwam (bijdrager)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        contributors.MapGet("/mine/proposals", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListMyProposals(), ct)))
            .WithName("ListMyProposals").WithSummary("Mijn voorstellen met status, reden of vraag van de redactie, les en update (bijdrager)");
    }

    internal static void MapModerationEndpoints(RouteGroupBuilder moderation)
    {
        moderation.MapGet("/proposals", async (string? status, string? kind, string? section, int? olderThanDays, IMediator mediator,
                    CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListProposalsForModeration(status, kind, section, olderThanDays), ct)))
            .WithName("ListProposalsForModeration")
            .WithSummary("Voorstellen in de moderatiewachtrij; filter op status (open, alle, of één status), soort, paragraaf en leeftijd (redacteur)");
        moderation.MapGet("/proposals/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetProposal(id, AsEditor: true), ct)))
            .WithName("GetProposal").WithSummary("Eén voorstel met diff; bij een verouderd voorstel ook de diff van de basis naar de huidige tekst (redacteur)");
    }
}
