namespace Wijkengids.Workshops.ActionPlans;

/// <summary>The contact reads their plan van aanpak.</summary>
public sealed record GetContactActionPlan(ContactKey Key) : IRequest<ActionPlan>;

internal sealed class GetContactActionPlanHandler(IQuerySession session, IRequestContext context) : IRequestHandler<GetContactActionPlan, ActionPlan>
{
    public async Task<ActionPlan> Handle(GetContactActionPlan request, CancellationToken cancellationToken)
    {
        var booking = await ActionPlanSteps.ResolveAsync(session, context, request.Key, cancellationToken);
        return await session.LoadAsync<ActionPlan>(booking.Id, cancellationToken) ?? throw new NotFoundException(ActionPlanSteps.NoPlan);
    }

    internal static void MapEndpoint(RouteGroupBuilder contact, Func<string, ContactKey> keyOf, string name, string how) =>
        contact.MapGet("", async (string key, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetContactActionPlan(keyOf(key)), ct)))
            .WithName("GetActionPlan" + name).WithSummary($"Plan van aanpak lezen, {how}");
}
