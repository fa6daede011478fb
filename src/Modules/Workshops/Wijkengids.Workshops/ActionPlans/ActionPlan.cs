using JasperFx.Core;

namespace Wijkengids.Workshops.ActionPlans;

/// <summary>
/// The plan van aanpak of one booking (same id as the booking), as organisers, the contact and the area's page read it:
/// the inline projection of the plan's events in the booking's stream (<see cref="ActionPlanProjection"/>).
/// </summary>
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
    /// <summary>
    /// Counts the plan's own changes (not the booking's); forms send it back as the expected version. Not the stream's
    /// version, which Marten would otherwise set on a member of this name.
    /// </summary>
    [JasperFxIgnore]
    public long Version { get; set; }
}

public sealed class PlanAction
{
    public Guid Id { get; set; }
    public string Description { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateOnly DueDate { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.Open;
}
