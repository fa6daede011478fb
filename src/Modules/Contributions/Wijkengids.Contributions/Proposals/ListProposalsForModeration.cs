using Wijkengids.Content.Contracts;
using FluentValidation.Results;
using Wijkengids.Contributions.Contracts;

namespace Wijkengids.Contributions.Proposals;

/// <summary>
/// The moderation queue: proposals of the given <paramref name="Statuses"/> (null: every status), kind, section and age;
/// oldest first; with <paramref name="Objected"/> only those whose rejection the proposer objected to, waiting for a decision.
/// The API and the page read the status filter with <see cref="ListProposalsForModerationHandler.TryStatuses"/>.
/// </summary>
public sealed record ListProposalsForModeration(IReadOnlyList<ProposalStatus>? Statuses, string? Kind, string? Section, int? OlderThanDays,
    bool Objected = false) : IRequest<IReadOnlyList<ProposalDetails>>;

internal sealed class ListProposalsForModerationHandler(IQuerySession session, ProposalDetailsReader reader, TimeProvider clock)
    : IRequestHandler<ListProposalsForModeration, IReadOnlyList<ProposalDetails>>
{
    /// <summary>Filter value for the open proposals (submitted, or a question of the editors open): the default.</summary>
    public const string Open = "open";

    /// <summary>Filter value for an objection waiting for a decision (docs/adr/0097).</summary>
    public const string Objected = "bezwaar";

    /// <summary>Filter value for every status.</summary>
    public const string All = "alle";

    /// <summary>
    /// Reads a status filter: "open" or nothing, "alle" (null: every status), or one status by its stable string
    /// ("meer-informatie"). False for anything else.
    /// </summary>
    public static bool TryStatuses(string? text, out IReadOnlyList<ProposalStatus>? statuses)
    {
        var value = text?.Trim();
        statuses = null;
        if (IsObjected(value)) return true;
        if (string.IsNullOrEmpty(value) || string.Equals(value, Open, StringComparison.OrdinalIgnoreCase)) statuses = ProposalStatuses.Open;
        else if (string.Equals(value, All, StringComparison.OrdinalIgnoreCase)) return true;
        else if (StableEnums.TryParse<ProposalStatus>(value, out var one)) statuses = [one];
        return statuses is not null;
    }

    public static bool IsObjected(string? text) => string.Equals(text?.Trim(), Objected, StringComparison.OrdinalIgnoreCase);

    public static string UnknownStatus(string? text) =>
        $"Onbekende status ‘{text?.Trim()}’. Kies uit: {Open}, {Objected}, {All}, {StableEnums.Choices<ProposalStatus>()}.";

    public async Task<IReadOnlyList<ProposalDetails>> Handle(ListProposalsForModeration request, CancellationToken cancellationToken)
    {
        IQueryable<ProposalView> query = session.Query<ProposalView>();
        if (request.Statuses is { } statuses)
        {
            var wanted = statuses.ToList();
            query = query.Where(p => wanted.Contains(p.Status));
        }
        if (request.Objected) query = query.Where(p => p.Appeal == Moderation.Appeals.Open);
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
                    CancellationToken ct) =>
                {
                    if (!TryStatuses(status, out var statuses)) throw new ValidationException([new ValidationFailure("status", UnknownStatus(status))]);
                    return TypedResults.Ok(await mediator.Send(new ListProposalsForModeration(statuses, kind, section, olderThanDays,
                        IsObjected(status)), ct));
                })
            .WithName("ListProposalsForModeration")
            .WithSummary("Voorstellen in de moderatiewachtrij; filter op status (open, bezwaar, alle, of één status), soort, paragraaf en leeftijd (redacteur)")
            .WithStatusQuery<ProposalStatus>("status", Open, Objected, All);
}
