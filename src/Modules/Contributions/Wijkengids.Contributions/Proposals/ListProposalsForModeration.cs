using Wijkengids.Content.Contracts;
using Wijkengids.Contributions.Contracts;

namespace Wijkengids.Contributions.Proposals;

/// <summary>
/// The moderation queue: by status ("open" = ingediend and meer-informatie, "bezwaar" = an objection waiting for a decision,
/// "alle", or one status), kind, section and age; oldest first.
/// </summary>
public sealed record ListProposalsForModeration(string? Status, string? Kind, string? Section, int? OlderThanDays) : IRequest<IReadOnlyList<ProposalDetails>>;

internal sealed class ListProposalsForModerationHandler(IQuerySession session, ProposalDetailsReader reader, TimeProvider clock)
    : IRequestHandler<ListProposalsForModeration, IReadOnlyList<ProposalDetails>>
{
    public const string Open = "open";
    public const string Objected = "bezwaar";

    public async Task<IReadOnlyList<ProposalDetails>> Handle(ListProposalsForModeration request, CancellationToken cancellationToken)
    {
        IQueryable<ProposalView> query = session.Query<ProposalView>();
        var status = string.IsNullOrWhiteSpace(request.Status) ? Open : request.Status;
        if (status == Open) query = query.Where(p => p.Status == ProposalStatuses.Submitted || p.Status == ProposalStatuses.InformationRequested);
        else if (status == Objected) query = query.Where(p => p.Appeal == Moderation.Appeals.Open);
        else if (status != "alle") query = query.Where(p => p.Status == status);
        if (!string.IsNullOrWhiteSpace(request.Kind)) query = query.Where(p => p.Kind == request.Kind);
        if (request.OlderThanDays is { } days)
        {
            var before = clock.GetUtcNow().AddDays(-days);
            query = query.Where(p => p.SubmittedAt <= before);
        }
        var proposals = await query.OrderBy(p => p.SubmittedAt).Take(500).ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(request.Section)) proposals = proposals.Where(p => p.Sections.Contains(request.Section.Trim())).ToList();
        return await reader.WithGuideAsync(proposals, cancellationToken);
    }

    internal static void MapEndpoint(RouteGroupBuilder moderation) =>
        moderation.MapGet("/proposals", async (string? status, string? kind, string? section, int? olderThanDays, IMediator mediator,
                    CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListProposalsForModeration(status, kind, section, olderThanDays), ct)))
            .WithName("ListProposalsForModeration")
            .WithSummary("Voorstellen in de moderatiewachtrij; filter op status (open, bezwaar, alle, of één status), soort, paragraaf en leeftijd (redacteur)");
}
