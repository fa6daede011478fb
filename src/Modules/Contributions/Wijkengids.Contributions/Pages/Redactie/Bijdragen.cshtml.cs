using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkengids.Content.Contracts;
using Wijkengids.Contributions.Moderation;
using Wijkengids.Contributions.Proposals;
using Wijkengids.Contributions.Reactions;
using Wijkengids.Platform.Web;

namespace Wijkengids.Contributions.Pages.Redactie;

/// <summary>The moderation queue (editors; the /Redactie folder requires the editors policy).</summary>
public sealed class BijdragenModel(IMediator mediator, IGuideCatalog catalog) : FormPageModel
{
    /// <summary>Several small forms on one page: the reasons go in the summary only.</summary>
    protected override string? FieldOf(string property) => null;

    /// <summary>The reactions' status filter: a stable string ("gepubliceerd") or "alle"; "ontvangen" when not given.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? OuderDan { get; set; }
    /// <summary>The proposals' status filter: "open" (when not given), "alle" or a stable string ("meer-informatie").</summary>
    [BindProperty(SupportsGet = true)] public string? Voorstelstatus { get; set; }
    [BindProperty(SupportsGet = true)] public string? Soort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Paragraaf { get; set; }
    public IReadOnlyList<ReactionDetails> Reactions { get; private set; } = [];
    public IReadOnlyList<ProposalDetails> Proposals { get; private set; } = [];
    public IReadOnlyList<CatalogSection> Sections { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!ListReactionsForModerationHandler.TryStatus(Status ?? ReactionStatus.Received.Wire(), out var reactionStatus))
        {
            AddError(ListReactionsForModerationHandler.UnknownStatus(Status));
            Response.StatusCode = 400;
            reactionStatus = ReactionStatus.Received;
        }
        if (!ListProposalsForModerationHandler.TryStatuses(Voorstelstatus, out var proposalStatuses))
        {
            AddError(ListProposalsForModerationHandler.UnknownStatus(Voorstelstatus));
            Response.StatusCode = 400;
            proposalStatuses = ProposalStatuses.Open;
        }
        Reactions = await mediator.Send(new ListReactionsForModeration(reactionStatus, About(), OuderDan,
            ListReactionsForModerationHandler.IsObjected(Status)), cancellationToken);
        Proposals = await mediator.Send(new ListProposalsForModeration(proposalStatuses, Blank(Soort), Blank(Paragraaf), OuderDan,
            ListProposalsForModerationHandler.IsObjected(Voorstelstatus)), cancellationToken);
        Sections = await catalog.SectionsAsync(cancellationToken);
    }

    /// <summary>The section filter applies to reactions about that section too.</summary>
    private string? About() => Blank(Paragraaf) is { } section ? $"sectie:{section}" : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public Task<IActionResult> OnPostPublishAsync(Guid id, long expectedVersion, bool publish, string? reasonCode, string? reason, CancellationToken ct) =>
        Done(() => mediator.Send(new PublishReaction(id, publish, expectedVersion, reason, reasonCode), ct),
            publish ? "Reactie gepubliceerd." : "Reactie teruggetrokken.", ct);

    public Task<IActionResult> OnPostHandleAsync(Guid id, long expectedVersion, string? reasonCode, CancellationToken ct) =>
        Done(() => mediator.Send(new HandleReaction(id, expectedVersion, null, reasonCode), ct), "Reactie afgehandeld.", ct);

    public Task<IActionResult> OnPostAppealAsync(Guid id, long expectedVersion, bool? granted, string? explanation, CancellationToken ct) =>
        Done(() => mediator.Send(new DecideReactionAppeal(id, Appeals.Chosen(granted), explanation, expectedVersion), ct),
            granted == true ? "Bezwaar gegrond: de verwijdering is teruggedraaid." : "Bezwaar ongegrond: het besluit blijft.", ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, long expectedVersion, string? answer, bool @public, CancellationToken ct) =>
        Done(() => mediator.Send(new AnswerReaction(id, answer ?? "", @public, expectedVersion), ct), "Antwoord opgeslagen.", ct);

    public Task<IActionResult> OnPostSpamAsync(Guid id, long expectedVersion, string? reason, CancellationToken ct) =>
        Done(() => mediator.Send(new MarkReactionAsSpam(id, reason ?? "", expectedVersion), ct), "Reactie als spam verborgen.", ct);

    private Task<IActionResult> Done(Func<Task> change, string done, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            await change();
            return done;
        }, cancellationToken, () => RedirectToPage(new { status = Status, ouderDan = OuderDan, voorstelstatus = Voorstelstatus, soort = Soort, paragraaf = Paragraaf }));
}
