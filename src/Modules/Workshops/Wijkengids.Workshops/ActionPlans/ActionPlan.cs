using Wijkengids.SharedKernel;

namespace Wijkengids.Workshops.ActionPlans;

// Events of the plan van aanpak, appended to the booking's own stream (the plan is the outcome of that booking):
// docs/adr/0042. Goals and actions describe the area's work, not a person; owners are organisations or roles.

public sealed record PlannedAction(Guid ActionId, string Description, string Owner, DateOnly DueDate);

public sealed record ActionPlanRecorded(Guid BookingId, Guid SessionId, Guid AreaId, string AreaName, string[] Goals, PlannedAction[] Actions,
    string[] Lessons) : IDescribedEvent
{
    public string Describe() => $"Plan van aanpak vastgelegd voor {AreaName} ({Goals.Length} doel(en), {Actions.Length} actie(s))";
}

public sealed record ActionPlanRevised(Guid BookingId, string[] Goals, PlannedAction[] Actions, string[] Lessons) : IDescribedEvent
{
    public string Describe() => $"Plan van aanpak bijgewerkt ({Goals.Length} doel(en), {Actions.Length} actie(s))";
}

public sealed record ActionStatusChanged(Guid BookingId, Guid ActionId, string Description, string Status) : IDescribedEvent
{
    public string Describe() => $"Actie ‘{Description}’ is nu: {Status}";
}

public sealed record ActionPlanPublicationConsented(Guid BookingId, Guid AreaId) : IDescribedEvent
{
    public string Describe() => "Toestemming gegeven om het plan van aanpak op de pagina van het gebied te publiceren";
}

public sealed record ActionPlanPublicationWithdrawn(Guid BookingId, Guid AreaId) : IDescribedEvent
{
    public string Describe() => "Toestemming voor publicatie van het plan van aanpak ingetrokken";
}

/// <summary>The status of an action, as the area's contact keeps it up to date.</summary>
public static class ActionStatus
{
    public const string Open = "open";
    public const string InProgress = "bezig";
    public const string Done = "gereed";

    public static readonly IReadOnlyList<string> All = [Open, InProgress, Done];
}

/// <summary>The plan van aanpak of one booking (same id as the booking), written together with its events.</summary>
public sealed class ActionPlan
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public string FormatTitle { get; set; } = "";
    public DateTimeOffset SessionStartsAt { get; set; }
    public Guid AreaId { get; set; }
    public string AreaName { get; set; } = "";
    public List<string> Goals { get; set; } = [];
    public List<PlanAction> Actions { get; set; } = [];
    /// <summary>Slugs of the guide's lessons used in the session (links to /lessen/{slug}).</summary>
    public List<string> Lessons { get; set; } = [];
    /// <summary>The area's contact agreed to show the plan on the area's public page (and has not withdrawn it).</summary>
    public bool Published { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Counts the plan's own changes; forms send it back as the expected version.</summary>
    public long Version { get; set; }

    /// <summary>Takes the organiser's goals, actions and lessons; kept actions (same id) keep their status.</summary>
    public void Take(IReadOnlyList<string> goals, IReadOnlyList<PlannedAction> actions, IReadOnlyList<string> lessons)
    {
        var statuses = Actions.ToDictionary(a => a.Id, a => a.Status);
        Goals = [.. goals];
        Lessons = [.. lessons];
        Actions = actions.Select(a => new PlanAction
        {
            Id = a.ActionId, Description = a.Description, Owner = a.Owner, DueDate = a.DueDate,
            Status = statuses.GetValueOrDefault(a.ActionId, ActionStatus.Open),
        }).ToList();
    }
}

public sealed class PlanAction
{
    public Guid Id { get; set; }
    public string Description { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateOnly DueDate { get; set; }
    public string Status { get; set; } = ActionStatus.Open;
}
