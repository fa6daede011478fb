using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Wijkengids.Workshops.ActionPlans;

/// <summary>
/// Builds <see cref="ActionPlan"/> from the plan's events in a booking's stream, inline with every change; a booking
/// without a plan has none. <see cref="ActionPlan.Version"/> counts the plan's own events.
/// </summary>
internal sealed class ActionPlanProjection : SingleStreamProjection<ActionPlan, Guid>
{
    public override ValueTask<ActionPlan?> EvolveAsync(ActionPlan? plan, Guid id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is ActionPlanRecorded recorded)
        {
            var at = recorded.RecordedAt ?? e.Timestamp;
            plan = new ActionPlan
            {
                Id = recorded.BookingId, SessionId = recorded.SessionId, FormatTitle = recorded.FormatTitle ?? "",
                SessionStartsAt = recorded.SessionStartsAt ?? default, AreaId = recorded.AreaId, AreaName = recorded.AreaName, RecordedAt = at,
            };
            Take(plan, recorded.Goals, recorded.Actions, recorded.Lessons);
            Changed(plan, at);
        }
        else if (plan is not null)
        {
            Change(plan, e);
        }
        return ValueTask.FromResult(plan);
    }

    private static void Change(ActionPlan plan, IEvent e)
    {
        switch (e.Data)
        {
            case ActionPlanRevised revised:
                Take(plan, revised.Goals, revised.Actions, revised.Lessons);
                Changed(plan, revised.RevisedAt ?? e.Timestamp);
                break;
            case ActionStatusChanged changed:
                if (plan.Actions.FirstOrDefault(a => a.Id == changed.ActionId) is { } action) action.Status = changed.Status;
                Changed(plan, changed.ChangedAt ?? e.Timestamp);
                break;
            case ActionPlanPublicationConsented consented:
                plan.Published = true;
                Changed(plan, consented.At ?? e.Timestamp);
                break;
            case ActionPlanPublicationWithdrawn withdrawn:
                plan.Published = false;
                Changed(plan, withdrawn.At ?? e.Timestamp);
                break;
            case ActionPlanDetailsRecorded details:
                // Not a change of the plan: the facts its read model held, now in the history too.
                plan.FormatTitle = details.FormatTitle;
                plan.SessionStartsAt = details.SessionStartsAt;
                plan.RecordedAt = details.RecordedAt;
                plan.UpdatedAt = details.UpdatedAt;
                break;
        }
    }

    private static void Changed(ActionPlan plan, DateTimeOffset at)
    {
        plan.UpdatedAt = at;
        plan.Version++;
    }

    /// <summary>The organiser's goals, actions and lessons; kept actions (same id) keep their status.</summary>
    private static void Take(ActionPlan plan, IReadOnlyList<string> goals, IReadOnlyList<PlannedAction> actions, IReadOnlyList<string> lessons)
    {
        var statuses = plan.Actions.ToDictionary(a => a.Id, a => a.Status);
        plan.Goals = [.. goals];
        plan.Lessons = [.. lessons];
        plan.Actions = actions.Select(a => new PlanAction
        {
            Id = a.ActionId, Description = a.Description, Owner = a.Owner, DueDate = a.DueDate,
            Status = statuses.GetValueOrDefault(a.ActionId, ActionStatus.Open),
        }).ToList();
    }
}
