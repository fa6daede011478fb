namespace Wijkengids.Workshops.Contracts;

/// <summary>
/// The action plans (plannen van aanpak) an area's contact agreed to publish, for the area's public page (Community).
/// Implemented by Workshops and registered in DI; a plan disappears as soon as the contact withdraws consent.
/// </summary>
public interface IPublishedActionPlans
{
    /// <summary>The published plans of one area, newest session first.</summary>
    Task<IReadOnlyList<PublishedActionPlan>> ForAreaAsync(Guid areaId, CancellationToken cancellationToken = default);
}

/// <summary>A published plan. <see cref="Lessons"/> are slugs of the guide's lessons (the page links to /lessen/{slug}).</summary>
public sealed record PublishedActionPlan(Guid PlanId, Guid AreaId, string AreaName, string FormatTitle, DateTimeOffset SessionStartsAt,
    IReadOnlyList<string> Goals, IReadOnlyList<PublishedAction> Actions, IReadOnlyList<string> Lessons, DateTimeOffset UpdatedAt);

/// <summary>One action: what, who takes it up (an organisation or role), by when, and its status ("open", "bezig", "gereed").</summary>
public sealed record PublishedAction(string Description, string Owner, DateOnly DueDate, string Status);
