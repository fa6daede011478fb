using Wijkengids.Content.Contracts;
using Wijkengids.Contributions.Contracts;
using Wijkengids.Contributions.Moderation;

namespace Wijkengids.Contributions.Proposals;

/// <summary>An editor accepts a proposal: Content receives <see cref="ProposalAccepted"/> and makes a draft revision with attribution.</summary>
public sealed record AcceptProposal(Guid ProposalId, long? ExpectedVersion, string? Reason) : ICommand<ProposalReceipt>;

internal sealed class AcceptProposalHandler(ProposalSteps steps, IRequestContext context, IGuideCatalog catalog)
    : IRequestHandler<AcceptProposal, ProposalReceipt>
{
    public async Task<ProposalReceipt> Handle(AcceptProposal request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.ProposalId, request.ExpectedVersion, request.Reason, cancellationToken);
        var proposal = stream.Aggregate!;
        var current = proposal.LessonId is { } lessonId ? await catalog.PublishedLessonAsync(lessonId, cancellationToken) : null;
        var accepted = proposal.Accept(current?.Revision, request.Reason, steps.Now);
        var view = await steps.ViewAsync(proposal.Id, cancellationToken);
        return await steps.DecideAsync(stream, accepted, ProposalStatus.Accepted, ModerationDecisions.ProposalAccepted, accepted.ReasonCode, accepted.Reason,
            ToMessage(proposal, view.Source, view.ProposerName, current, Guid.Parse(context.Actor), accepted.Reason, steps.Now));
    }

    /// <summary>
    /// Everything Content needs for a draft with attribution. A change carries the edited text (Content puts it on top of
    /// the lesson's current text); a new source carries the lesson's current sources plus the new one, with its current text.
    /// </summary>
    /// <remarks><paramref name="source"/> is the proposed source as the read model revealed it (sealed in the events, docs/adr/0103).</remarks>
    internal static ProposalAccepted ToMessage(Proposal p, ProposedSource? source, string proposerName, CatalogLessonText? current, Guid editor,
        string? reason, DateTimeOffset now)
    {
        IReadOnlyList<ProposedSource> sources = [];
        var (title, statement, body) = (p.Title, p.Statement, p.Body);
        if (p.Kind == ProposalKinds.NewSource)
        {
            var existing = current?.Sources.Select(s => new ProposedSource(s.Title, s.Author, s.Year, s.Link, s.Kind)).ToList()
                           ?? p.Base?.Sources.ToList() ?? [];
            sources = [.. existing, source ?? p.Source ?? throw new RuleViolationException("De voorgestelde bron is gewist; dit voorstel kan niet meer worden overgenomen.")];
            (title, statement, body) = current is null ? (p.Base?.Title, p.Base?.Statement, p.Base?.Body) : (current.Title, current.Statement, current.Body);
        }
        return new ProposalAccepted(p.Id, p.LessonId, p.Kind == ProposalKinds.NewLesson ? p.Sections.FirstOrDefault() : null,
            p.Kind == ProposalKinds.NewLesson ? p.Themes : [], title ?? "", statement, body ?? "", sources, p.BaseRevision,
            p.AccountId, proposerName, editor, reason, now);
    }

    internal static void MapEndpoint(RouteGroupBuilder moderation) =>
        moderation.MapPost("/proposals/{id:guid}/accept", async (Guid id, DecisionBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AcceptProposal(id, body.ExpectedVersion, body.Reason), ct)))
            .WithName("AcceptProposal").WithSummary("Voorstel accepteren: de gids krijgt een concept met naamsvermelding (redacteur)");

    /// <summary>A decision: the version the editor saw, optional words for the proposer and (for a rejection) a reason code.</summary>
    internal sealed record DecisionBody(long? ExpectedVersion, string? Reason, string? ReasonCode = null);
}
