using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.Content.Contracts;
using Wijkengids.Contributions.Contracts;
using Wijkengids.SharedKernel;
using Wolverine.Marten;

namespace Wijkengids.Contributions.Proposals;

/// <summary>An editor accepts a proposal: Content receives <see cref="ProposalAccepted"/> and makes a draft revision with attribution.</summary>
public sealed record AcceptProposal(Guid ProposalId, long? ExpectedVersion, string? Reason) : IRequest<ProposalReceipt>;

/// <summary>An editor rejects a proposal; the reason is required and shown to the contributor.</summary>
public sealed record RejectProposal(Guid ProposalId, string Reason, long? ExpectedVersion) : IRequest<ProposalReceipt>;

/// <summary>An editor asks the contributor for more information; the contributor answers and resubmits.</summary>
public sealed record RequestProposalInformation(Guid ProposalId, string Question, long? ExpectedVersion) : IRequest<ProposalReceipt>;

/// <summary>An editor merges a duplicate proposal into another open one; the reason is kept.</summary>
public sealed record MergeProposal(Guid ProposalId, Guid IntoProposalId, string Reason, long? ExpectedVersion) : IRequest<ProposalReceipt>;

internal sealed class RejectProposalValidator : AbstractValidator<RejectProposal>
{
    public RejectProposalValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Geef een reden; de bijdrager krijgt die te zien.")
            .MaximumLength(2000).WithMessage("De reden mag hoogstens 2000 tekens hebben.");
}

internal sealed class RequestProposalInformationValidator : AbstractValidator<RequestProposalInformation>
{
    public RequestProposalInformationValidator() =>
        RuleFor(x => x.Question).NotEmpty().WithMessage("Schrijf welke informatie u nog nodig hebt.")
            .MaximumLength(2000).WithMessage("De vraag mag hoogstens 2000 tekens hebben.");
}

internal sealed class MergeProposalValidator : AbstractValidator<MergeProposal>
{
    public MergeProposalValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Geef een reden voor het samenvoegen.")
            .MaximumLength(2000).WithMessage("De reden mag hoogstens 2000 tekens hebben.");
        RuleFor(x => x.IntoProposalId).NotEmpty().WithMessage("Kies het voorstel waarin dit voorstel wordt samengevoegd.")
            .NotEqual(x => x.ProposalId).WithMessage("Een voorstel kan niet in zichzelf worden samengevoegd.");
    }
}

internal sealed class ModerateProposalHandler(IDocumentSession session, IMartenOutbox outbox, IRequestContext context, IGuideCatalog catalog,
    TimeProvider clock)
    : IRequestHandler<AcceptProposal, ProposalReceipt>, IRequestHandler<RejectProposal, ProposalReceipt>,
        IRequestHandler<RequestProposalInformation, ProposalReceipt>, IRequestHandler<MergeProposal, ProposalReceipt>
{
    public async Task<ProposalReceipt> Handle(AcceptProposal request, CancellationToken cancellationToken)
    {
        var proposal = await ProposalStore.LoadOpenAsync(session, request.ProposalId, request.ExpectedVersion, cancellationToken);
        var now = clock.GetUtcNow();
        var current = proposal.LessonId is { } lessonId ? await catalog.PublishedLessonAsync(lessonId, cancellationToken) : null;
        var accepted = ToMessage(proposal, current, Guid.Parse(context.Actor), request.Reason, now);
        proposal.EditorReason = Blank(request.Reason);
        return await SaveAsync(proposal, ProposalStatuses.Accepted, new ProposalAcceptedByEditor(proposal.Id, current?.Revision), request.Reason,
            proposal.EditorReason, cancellationToken, accepted);
    }

    /// <summary>
    /// Everything Content needs for a draft with attribution. A change carries the edited text (Content puts it on top of
    /// the lesson's current text); a new source carries the lesson's current sources plus the new one, with its current text.
    /// </summary>
    internal static ProposalAccepted ToMessage(ProposalView p, CatalogLessonText? current, Guid editor, string? reason, DateTimeOffset now)
    {
        IReadOnlyList<ProposedSource> sources = [];
        var (title, statement, body) = (p.Title, p.Statement, p.Body);
        if (p.Kind == ProposalKinds.NewSource)
        {
            var existing = current?.Sources.Select(s => new ProposedSource(s.Title, s.Author, s.Year, s.Link, s.Kind)).ToList() ?? p.BaseSources;
            sources = [.. existing, p.Source!];
            (title, statement, body) = current is null ? (p.BaseTitle, p.BaseStatement, p.BaseBody) : (current.Title, current.Statement, current.Body);
        }
        return new ProposalAccepted(p.Id, p.LessonId, p.Kind == ProposalKinds.NewLesson ? p.Sections.FirstOrDefault() : null,
            p.Kind == ProposalKinds.NewLesson ? p.Themes : [], title ?? "", statement, body ?? "", sources, p.BaseRevision,
            p.AccountId, p.ProposerName, editor, Blank(reason), now);
    }

    public async Task<ProposalReceipt> Handle(RejectProposal request, CancellationToken cancellationToken)
    {
        var proposal = await ProposalStore.LoadOpenAsync(session, request.ProposalId, request.ExpectedVersion, cancellationToken);
        proposal.EditorReason = request.Reason.Trim();
        return await SaveAsync(proposal, ProposalStatuses.Rejected, new ProposalRejected(proposal.Id, proposal.EditorReason), request.Reason,
            proposal.EditorReason, cancellationToken);
    }

    public async Task<ProposalReceipt> Handle(RequestProposalInformation request, CancellationToken cancellationToken)
    {
        var proposal = await ProposalStore.LoadOpenAsync(session, request.ProposalId, request.ExpectedVersion, cancellationToken);
        var question = request.Question.Trim();
        proposal.Conversation.Add(new ProposalNote(clock.GetUtcNow(), ProposalNote.Editors, question));
        return await SaveAsync(proposal, ProposalStatuses.InformationRequested, new ProposalInformationRequested(proposal.Id, question), null,
            question, cancellationToken);
    }

    public async Task<ProposalReceipt> Handle(MergeProposal request, CancellationToken cancellationToken)
    {
        var proposal = await ProposalStore.LoadOpenAsync(session, request.ProposalId, request.ExpectedVersion, cancellationToken);
        var into = await session.LoadAsync<ProposalView>(request.IntoProposalId, cancellationToken)
                   ?? throw new NotFoundException("Het voorstel om in samen te voegen bestaat niet.");
        if (!ProposalStatuses.IsOpen(into.Status)) throw new RuleViolationException("Samenvoegen kan alleen in een voorstel dat nog openstaat.");
        var reason = request.Reason.Trim();
        proposal.EditorReason = reason;
        proposal.MergedInto = into.Id;
        into.MergedDuplicates.Add(proposal.Id);
        into.Version++;
        session.Stamp(context, reason);
        session.Events.Append(into.Id, into.Version, new DuplicateProposalMerged(into.Id, proposal.Id));
        session.Store(into);
        return await SaveAsync(proposal, ProposalStatuses.Merged, new ProposalMerged(proposal.Id, into.Id, reason), reason, reason, cancellationToken);
    }

    private Task<ProposalReceipt> SaveAsync(ProposalView proposal, string status, object change, string? reason, string? message,
        CancellationToken cancellationToken, object? alsoPublish = null)
    {
        proposal.DecidedAt = status is ProposalStatuses.Accepted or ProposalStatuses.Rejected or ProposalStatuses.Merged ? clock.GetUtcNow() : null;
        return ProposalStore.SaveAsync(session, outbox, context, clock, proposal, status, change, reason, message, cancellationToken, alsoPublish);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static void MapEndpoints(RouteGroupBuilder moderation)
    {
        moderation.MapPost("/proposals/{id:guid}/accept", async (Guid id, DecisionBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AcceptProposal(id, body.ExpectedVersion, body.Reason), ct)))
            .WithName("AcceptProposal").WithSummary("Voorstel accepteren: de gids krijgt een concept met naamsvermelding (redacteur)");
        moderation.MapPost("/proposals/{id:guid}/reject", async (Guid id, DecisionBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RejectProposal(id, body.Reason ?? "", body.ExpectedVersion), ct)))
            .WithName("RejectProposal").WithSummary("Voorstel afwijzen, met een reden die de bijdrager ziet (redacteur)");
        moderation.MapPost("/proposals/{id:guid}/request-information", async (Guid id, QuestionBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RequestProposalInformation(id, body.Question ?? "", body.ExpectedVersion), ct)))
            .WithName("RequestProposalInformation").WithSummary("De bijdrager om meer informatie vragen (redacteur)");
        moderation.MapPost("/proposals/{id:guid}/merge", async (Guid id, MergeBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new MergeProposal(id, body.IntoProposalId ?? Guid.Empty, body.Reason ?? "", body.ExpectedVersion), ct)))
            .WithName("MergeProposal").WithSummary("Dubbel voorstel samenvoegen met een ander voorstel, met reden (redacteur)");
    }

    internal sealed record DecisionBody(long? ExpectedVersion, string? Reason);

    internal sealed record QuestionBody(long? ExpectedVersion, string? Question);

    internal sealed record MergeBody(long? ExpectedVersion, Guid? IntoProposalId, string? Reason);
}

/// <summary>Loading with the optimistic-concurrency check, and saving a state change with its event and status message.</summary>
internal static class ProposalStore
{
    /// <summary>The proposal at <paramref name="expectedVersion"/> (409 otherwise); with <paramref name="ownedBy"/>, only that proposer's (404 otherwise).</summary>
    public static async Task<ProposalView> LoadAsync(IDocumentSession session, Guid id, long? expectedVersion, CancellationToken cancellationToken,
        string? ownedBy = null)
    {
        var proposal = await session.LoadAsync<ProposalView>(id, cancellationToken);
        if (proposal is null || (ownedBy is not null && proposal.AccountId.ToString() != ownedBy)) throw new NotFoundException("Dit voorstel bestaat niet.");
        if (expectedVersion is { } expected && expected != proposal.Version)
        {
            throw new ConflictException("Dit voorstel is intussen gewijzigd. Bekijk de huidige stand en probeer het opnieuw.");
        }
        return proposal;
    }

    public static async Task<ProposalView> LoadOpenAsync(IDocumentSession session, Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var proposal = await LoadAsync(session, id, expectedVersion, cancellationToken);
        if (!ProposalStatuses.IsOpen(proposal.Status))
        {
            throw new RuleViolationException($"Dit voorstel is al {ProposalStatuses.DutchName(proposal.Status)}.");
        }
        return proposal;
    }

    /// <summary>Appends the event (actor, correlation, reason) with the expected version, and publishes ContributionStatusChanged in the same transaction.</summary>
    public static async Task<ProposalReceipt> SaveAsync(IDocumentSession session, IMartenOutbox outbox, IRequestContext context, TimeProvider clock,
        ProposalView proposal, string status, object change, string? reason, string? message, CancellationToken cancellationToken,
        object? alsoPublish = null)
    {
        var now = clock.GetUtcNow();
        session.Stamp(context, reason);
        session.Events.Append(proposal.Id, proposal.Version + 1, change);
        proposal.Version++;
        proposal.Status = status;
        proposal.ChangedAt = now;
        session.Store(proposal);
        var messages = outbox.EnrollWith(session, context);
        if (alsoPublish is not null) await messages.PublishAsync(alsoPublish);
        await messages.PublishAsync(new ContributionStatusChanged(proposal.Id, "voorstel", proposal.AccountId, status,
            message, ProposalUrls.ForProposer(proposal.Id), now));
        await session.SaveChangesAsync(cancellationToken);
        return new ProposalReceipt(proposal.Id, proposal.Status, proposal.Version);
    }
}
