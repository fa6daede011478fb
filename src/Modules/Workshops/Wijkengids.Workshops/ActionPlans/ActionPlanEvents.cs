namespace Wijkengids.Workshops.ActionPlans;

// Events of the plan van aanpak, appended to the booking's own stream (the plan is the outcome of that booking):
// docs/adr/0042. Goals and actions describe the area's work, not a person; owners are organisations or roles. Fields
// added later are nullable: older events fall back to the event's moment, or to ActionPlanDetailsRecorded.

public sealed record PlannedAction(Guid ActionId, string Description, string Owner, DateOnly DueDate);

public sealed record ActionPlanRecorded(Guid BookingId, Guid SessionId, Guid AreaId, string AreaName, string[] Goals, PlannedAction[] Actions,
    string[] Lessons, string? FormatTitle = null, DateTimeOffset? SessionStartsAt = null, DateTimeOffset? RecordedAt = null) : IDescribedEvent
{
    public string Describe() => $"Plan van aanpak vastgelegd voor {AreaName} ({Goals.Length} doel(en), {Actions.Length} actie(s))";
}

public sealed record ActionPlanRevised(Guid BookingId, string[] Goals, PlannedAction[] Actions, string[] Lessons, DateTimeOffset? RevisedAt = null)
    : IDescribedEvent
{
    public string Describe() => $"Plan van aanpak bijgewerkt ({Goals.Length} doel(en), {Actions.Length} actie(s))";
}

public sealed record ActionStatusChanged(Guid BookingId, Guid ActionId, string Description, ActionStatus Status, DateTimeOffset? ChangedAt = null)
    : IDescribedEvent
{
    public string Describe() => $"Actie ‘{Description}’ is nu: {Status.Dutch()}";
}

public sealed record ActionPlanPublicationConsented(Guid BookingId, Guid AreaId, DateTimeOffset? At = null) : IDescribedEvent
{
    public string Describe() => "Toestemming gegeven om het plan van aanpak op de pagina van het gebied te publiceren";
}

public sealed record ActionPlanPublicationWithdrawn(Guid BookingId, Guid AreaId, DateTimeOffset? At = null) : IDescribedEvent
{
    public string Describe() => "Toestemming voor publicatie van het plan van aanpak ingetrokken";
}

/// <summary>
/// Upgrade: what a plan recorded before <see cref="ActionPlanRecorded"/> carried them kept only in its read model (the
/// session's format and time, and the moments it was recorded and last changed), recorded once by the system (docs/adr/0089).
/// </summary>
public sealed record ActionPlanDetailsRecorded(Guid BookingId, string FormatTitle, DateTimeOffset SessionStartsAt, DateTimeOffset RecordedAt,
    DateTimeOffset UpdatedAt) : IDescribedEvent
{
    public string Describe() => "Gegevens van het plan van aanpak vastgelegd (upgrade)";
}
