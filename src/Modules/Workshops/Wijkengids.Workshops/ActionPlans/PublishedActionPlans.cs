using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.Workshops.Contracts;

namespace Wijkengids.Workshops.ActionPlans;

/// <summary>The plans their contacts agreed to publish, for the area's page (Community reads it through the contract).</summary>
internal sealed class PublishedActionPlans(IQuerySession session) : IPublishedActionPlans
{
    public async Task<IReadOnlyList<PublishedActionPlan>> ForAreaAsync(Guid areaId, CancellationToken cancellationToken = default)
    {
        var plans = await session.Query<ActionPlan>().Where(p => p.AreaId == areaId && p.Published)
            .OrderByDescending(p => p.SessionStartsAt).Take(100).ToListAsync(cancellationToken);
        return plans.Select(p => new PublishedActionPlan(p.Id, p.AreaId, p.AreaName, p.FormatTitle, p.SessionStartsAt, p.Goals,
            p.Actions.Select(a => new PublishedAction(a.Description, a.Owner, a.DueDate, a.Status)).ToList(), p.Lessons, p.UpdatedAt)).ToList();
    }

    internal static void MapEndpoint(RouteGroupBuilder open) =>
        open.MapGet("/areas/{areaId:guid}/plans", async (Guid areaId, IPublishedActionPlans plans, CancellationToken ct) =>
                TypedResults.Ok(await plans.ForAreaAsync(areaId, ct)))
            .WithName("ListPublishedActionPlans").WithSummary("Gepubliceerde plannen van aanpak van een gebied (met toestemming van de contactpersoon)");
}
