using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

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

/// <summary>A published plan. <see cref="Lessons"/> are the lessons and sections of the guide it used.</summary>
public sealed record PublishedActionPlan(Guid PlanId, Guid AreaId, string AreaName, string FormatTitle, DateTimeOffset SessionStartsAt,
    IReadOnlyList<string> Goals, IReadOnlyList<PublishedAction> Actions, IReadOnlyList<GuideLink> Lessons, DateTimeOffset UpdatedAt);

/// <summary>
/// A part of the guide: <see cref="Reference"/> is a lesson's short name or a section number, <see cref="Url"/> its
/// site-relative page, or null when the guide does not publish it (any more): then show the title without a link.
/// </summary>
public sealed record GuideLink(string Reference, string Title, string? Url);

/// <summary>One action: what, who takes it up (an organisation or role), by when, and its status.</summary>
public sealed record PublishedAction(string Description, string Owner, DateOnly DueDate, ActionStatus Status);

/// <summary>
/// The status of an action, as the area's contact keeps it up to date. Stable Dutch strings like every code of Workshops;
/// the enum is here because <see cref="PublishedAction"/> carries it to Community's area page (docs/adr/0096).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionStatus>))]
public enum ActionStatus
{
    [JsonStringEnumMemberName("open"), Display(Name = "open")] Open,
    [JsonStringEnumMemberName("bezig"), Display(Name = "bezig")] InProgress,
    [JsonStringEnumMemberName("gereed"), Display(Name = "gereed")] Done,
}
