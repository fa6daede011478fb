using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.SharedKernel;
using Wijkengids.Platform.Web;
using Wijkengids.Workshops.ActionPlans;
using Wijkengids.Workshops.Bookings;
using Wijkengids.Workshops.Formats;

namespace Wijkengids.Workshops.Pages.Werkateliers.Beheer;

/// <summary>The organiser records (or revises) the plan van aanpak of a booking after the session.</summary>
public sealed class PlanModel(IMediator mediator) : FormPageModel
{
    /// <summary>Only these fields are on the main form; the other reasons go in the summary only.</summary>
    protected override string? FieldOf(string property) => base.FieldOf(property) is { } field && new[] { "goals", "lessons", "reason" }.Contains(field) ? field : null;

    /// <summary>Empty rows offered for new actions.</summary>
    private const int NewRows = 3;

    public BookingDetails Booking { get; private set; } = null!;
    public ActionPlan? Plan { get; private set; }
    public IReadOnlyList<string> FormatLessons { get; private set; } = [];

    [BindProperty] public string? Goals { get; set; }
    [BindProperty] public List<ActionRow> Rows { get; set; } = [];
    [BindProperty] public List<string> Lessons { get; set; } = [];
    [BindProperty] public string? OtherLessons { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long ExpectedVersion { get; set; }

    public sealed class ActionRow
    {
        public Guid? Id { get; set; }
        public string? Description { get; set; }
        public string? Owner { get; set; }
        public DateOnly? DueDate { get; set; }

        public bool IsEmpty => Id is null && string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Owner) && DueDate is null;
    }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Goals = string.Join('\n', Plan?.Goals ?? []);
        Rows = (Plan?.Actions ?? []).Select(a => new ActionRow { Id = a.Id, Description = a.Description, Owner = a.Owner, DueDate = a.DueDate }).ToList();
        Lessons = Plan?.Lessons.Where(FormatLessons.Contains).ToList() ?? [.. FormatLessons];
        OtherLessons = string.Join(", ", Plan?.Lessons.Where(l => !FormatLessons.Contains(l)) ?? []);
        ExpectedVersion = Plan?.Version ?? 0;
        AddEmptyRows();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            var goals = (Goals ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var actions = Rows.Where(r => !r.IsEmpty).Select(r => new ActionInput(r.Id, r.Description, r.Owner, r.DueDate)).ToList();
            var lessons = Lessons.Concat((OtherLessons ?? "").Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            await mediator.Send(new RecordActionPlan(id, goals, actions, lessons, ExpectedVersion, Reason), cancellationToken);
            var plan = await mediator.Send(new GetActionPlan(id), cancellationToken);
            return plan?.Version == 1 ? "Plan van aanpak vastgelegd." : "Plan van aanpak bijgewerkt.";
        }, cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = Guid.Parse((string)RouteData.Values["id"]!);
        Booking = await mediator.Send(new GetBooking(id), cancellationToken);
        var formats = await mediator.Send(new ListFormats(), cancellationToken);
        FormatLessons = formats.FirstOrDefault(f => f.Id == Booking.FormatId)?.Lessons ?? [];
        Plan = await mediator.Send(new GetActionPlan(id), cancellationToken);
        if (HttpMethods.IsPost(Request.Method)) AddEmptyRows();
    }

    private void AddEmptyRows()
    {
        Rows.RemoveAll(r => r.IsEmpty);
        for (var i = 0; i < NewRows; i++) Rows.Add(new ActionRow());
    }
}
