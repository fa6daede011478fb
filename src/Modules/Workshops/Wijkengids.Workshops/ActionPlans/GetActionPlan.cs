namespace Wijkengids.Workshops.ActionPlans;

/// <summary>The plan of a booking, for organisers; null while none is recorded.</summary>
public sealed record GetActionPlan(Guid BookingId) : IRequest<ActionPlan?>;

internal sealed class GetActionPlanHandler(IQuerySession session) : IRequestHandler<GetActionPlan, ActionPlan?>
{
    public Task<ActionPlan?> Handle(GetActionPlan request, CancellationToken cancellationToken) =>
        session.LoadAsync<ActionPlan>(request.BookingId, cancellationToken);

    internal static void MapEndpoint(RouteGroupBuilder organisers) =>
        organisers.MapGet("/bookings/{id:guid}/plan", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetActionPlan(id), ct)
                                ?? throw new NotFoundException(ActionPlanSteps.NoPlan)))
            .WithName("GetActionPlan").WithSummary("Het plan van aanpak van een boeking (organisator)");
}
