using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Platform.Web;
using Wijkengids.Workshops.ActionPlans;

namespace Wijkengids.Workshops.Pages.Werkateliers;

/// <summary>
/// The area's contact reads the plan van aanpak through the private link of their request, keeps the status of the
/// actions up to date and decides whether the plan is shown on the area's public page.
/// </summary>
[ResponseCache(NoStore = true)]
public sealed class PlanModel(IMediator mediator, GuideReferences guide) : FormPageModel
{
    /// <summary>Several small forms on one page: the reasons go in the summary only.</summary>
    protected override string? FieldOf(string property) => null;

    public IReadOnlyList<Contracts.GuideLink> Lessons { get; private set; } = [];
    public ActionPlan Plan { get; private set; } = null!;
    public string Token => (string)RouteData.Values["token"]!;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostStatusAsync(Guid actionId, string? status, long expectedVersion, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            // The form sends the stable string; anything else is no status, and the validation says which ones there are.
            var chosen = StableEnums.TryParse<ActionStatus>(status, out var known) ? known : (ActionStatus?)null;
            await mediator.Send(new ChangeActionStatus(Key, actionId, chosen, expectedVersion), cancellationToken);
            var plan = await mediator.Send(new GetContactActionPlan(Key), cancellationToken);
            var action = plan.Actions.Single(a => a.Id == actionId);
            return $"De status van ‘{action.Description}’ is nu: {action.Status.Dutch()}.";
        }, cancellationToken);

    public Task<IActionResult> OnPostPublicationAsync(bool consent, long expectedVersion, CancellationToken cancellationToken) =>
        Attempt(async () =>
        {
            await mediator.Send(new ConsentToPublication(Key, consent, expectedVersion, null), cancellationToken);
            var plan = await mediator.Send(new GetContactActionPlan(Key), cancellationToken);
            return plan.Published
                ? $"Dank u wel. Het plan van aanpak staat nu op de pagina van {plan.AreaName}."
                : $"Het plan van aanpak staat niet (meer) op de pagina van {plan.AreaName}.";
        }, cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Plan = await mediator.Send(new GetContactActionPlan(Key), cancellationToken);
        Lessons = await guide.ResolveAsync(Plan.Lessons, cancellationToken);
    }

    private ContactKey Key => new(Token, null);
}
