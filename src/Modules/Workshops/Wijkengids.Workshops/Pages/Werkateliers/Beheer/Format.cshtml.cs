using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Community.Contracts;
using Wijkengids.SharedKernel;
using Wijkengids.Platform.Web;
using Wijkengids.Workshops.Formats;
using Wijkengids.Workshops.Sessions;

namespace Wijkengids.Workshops.Pages.Werkateliers.Beheer;

/// <summary>An organiser defines a new werkatelier (no slug) or edits one, and schedules its sessions with its trainers.</summary>
public sealed class FormatModel(IMediator mediator, ICommunityDirectory directory) : FormPageModel
{
    /// <summary>Only these fields are on the main form; the other reasons go in the summary only.</summary>
    protected override string? FieldOf(string property) => base.FieldOf(property) is { } field && new[] { "title", "description", "durationminutes", "participantspersession", "price", "themes", "lessons", "reason" }.Contains(field) ? field : null;

    public FormatDetails? Format { get; private set; }
    public IReadOnlyList<DirectoryPerson> AllTrainers { get; private set; } = [];
    public IReadOnlyList<SessionSummary> Sessions { get; private set; } = [];

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public int DurationMinutes { get; set; } = 240;
    [BindProperty] public int ParticipantsPerSession { get; set; } = 20;
    [BindProperty] public decimal Price { get; set; }
    [BindProperty] public string? Themes { get; set; }
    [BindProperty] public string? Lessons { get; set; }
    [BindProperty] public List<Guid> Trainers { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long ExpectedVersion { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        string? saved = null;
        return Attempt(async () =>
        {
            saved = Format is null
                ? await mediator.Send(new DefineFormat(Title ?? "", Description ?? "", DurationMinutes, ParticipantsPerSession, Price,
                    List(Themes), List(Lessons), Trainers, Reason), cancellationToken)
                : await mediator.Send(new ChangeFormat(Format.Id, Title ?? "", Description ?? "", DurationMinutes, ParticipantsPerSession, Price,
                    List(Themes), List(Lessons), Trainers, ExpectedVersion, Reason), cancellationToken);
            var title = (await mediator.Send(new GetFormat(saved), cancellationToken)).Title;
            return Format is null ? $"Werkatelier ‘{title}’ vastgelegd. Plan nu de sessies." : $"Werkatelier ‘{title}’ opgeslagen.";
        }, cancellationToken, () => Redirect($"/werkateliers/beheer/format/{saved}"));
    }

    public Task<IActionResult> OnPostScheduleAsync(DateTime? startsAt, string? place, string? onlineLink, int? capacity, List<Guid> sessionTrainers,
        CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            if (Format is null) throw new NotFoundException("Dit werkatelier bestaat niet.");
            if (startsAt is null) throw new RuleViolationException("Vul in wanneer de sessie begint.");
            var s = await mediator.Send(new GetSession(await mediator.Send(new ScheduleSession(Format.Slug, startsAt.Value, place, onlineLink, capacity, sessionTrainers),
                cancellationToken)), cancellationToken);
            return $"Sessie gepland op {DutchTime.Format(s.StartsAt)}.";
        }, cancellationToken);

    /// <summary>Runs before every handler: the format of the route (none for a new one) and the trainers to choose from.</summary>
    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        if (RouteData.Values["slug"] is string slug) Format = await mediator.Send(new GetFormat(slug), HttpContext.RequestAborted);
        await next();
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        AllTrainers = await directory.TrainersAsync(cancellationToken);
        Sessions = Format is null ? [] : await mediator.Send(new ListUpcomingSessions(Format.Slug), cancellationToken);
        var formatPosted = HttpMethods.IsPost(Request.Method) && !Request.Query.ContainsKey("handler");
        if (Format is not { } f || formatPosted) return;
        // Showing the format (also after a failed session form, which does not post the format's fields).
        (Title, Description, DurationMinutes, ParticipantsPerSession, Price) = (f.Title, f.Description, f.DurationMinutes, f.ParticipantsPerSession, f.Price);
        (Themes, Lessons, ExpectedVersion) = (string.Join(", ", f.Themes), string.Join(", ", f.Lessons), f.Version);
        Trainers = f.Trainers.Select(t => t.PersonId).ToList();
    }

    private static List<string> List(string? text) =>
        (text ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
