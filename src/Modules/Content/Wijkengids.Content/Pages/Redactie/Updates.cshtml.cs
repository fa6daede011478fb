using Wijkengids.Platform.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Editions;

namespace Wijkengids.Content.Pages.Redactie;

/// <summary>Compose the next edition from what was published since the previous one, and publish it.</summary>
public sealed class UpdatesModel(IMediator mediator) : FormPageModel
{
    protected override bool NotFoundIsThe404Page => true;
    protected override string ChangedMeanwhile => "Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet opgeslagen.";

    public sealed class Row
    {
        public Guid ItemId { get; set; }
        public bool Include { get; set; }
        public string Change { get; set; } = ChangeLevels.Minor;
        public string? Note { get; set; }
        public string Title { get; set; } = "";
        public string Kind { get; set; } = "";
        public int? FromRevision { get; set; }
        public int ToRevision { get; set; }
    }

    [BindProperty] public List<Row> Rows { get; set; } = [];
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public long? ExpectedVersion { get; set; }
    public EditionView? Draft { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(keepInput: false, cancellationToken);
    }

    public Task<IActionResult> OnPostComposeAsync(CancellationToken cancellationToken) =>
        AttemptAsync(async () =>
        {
            var notes = Rows.Where(r => r.Include).Select(r => new EditionNote(r.ItemId, r.Change, r.Note ?? "")).ToList();
            var number = await mediator.Send(new ComposeEdition(Title ?? "", notes, ExpectedVersion), cancellationToken);
            return ($"Update {number} is samengesteld; controleer haar en publiceer.", "/redactie/updates");
        }, () => LoadAsync(keepInput: true, cancellationToken));

    public Task<IActionResult> OnPostPublishAsync(int number, long expectedVersion, CancellationToken cancellationToken) =>
        AttemptAsync(async () =>
        {
            await mediator.Send(new PublishEdition(number, expectedVersion), cancellationToken);
            return ($"Update {number} is gepubliceerd.", $"/updates/{number}");
        }, () => LoadAsync(keepInput: false, cancellationToken));

    private async Task LoadAsync(bool keepInput, CancellationToken cancellationToken)
    {
        Draft = await mediator.Send(new GetDraftEdition(), cancellationToken);
        var candidates = await mediator.Send(new GetEditionCandidates(), cancellationToken);
        var posted = keepInput ? Rows.ToDictionary(r => r.ItemId) : [];
        var drafted = Draft?.Entries.ToDictionary(e => e.ItemId) ?? [];
        Rows = candidates.Select(c => new Row
        {
            ItemId = c.ItemId, Title = c.Title, Kind = c.Kind, FromRevision = c.FromRevision, ToRevision = c.ToRevision,
            Include = posted.TryGetValue(c.ItemId, out var p) ? p.Include : true,
            Change = p?.Change ?? drafted.GetValueOrDefault(c.ItemId)?.Change ?? (c.FromRevision is null ? ChangeLevels.Major : ChangeLevels.Minor),
            Note = p?.Note ?? drafted.GetValueOrDefault(c.ItemId)?.Note,
        }).ToList();
        if (!keepInput) Title = Draft?.Title;
    }
}
