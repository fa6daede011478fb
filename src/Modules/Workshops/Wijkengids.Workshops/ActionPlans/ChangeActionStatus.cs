namespace Wijkengids.Workshops.ActionPlans;

/// <summary>The contact keeps an action's status up to date (<see cref="ActionStatus"/>; null when none was chosen).</summary>
public sealed record ChangeActionStatus(ContactKey Key, Guid ActionId, ActionStatus? Status, long? ExpectedVersion) : ICommand<Unit>;

internal sealed class ChangeActionStatusValidator : AbstractValidator<ChangeActionStatus>
{
    private static readonly string Choose = $"Kies als status {StableEnums.Choices<ActionStatus>()}.";

    public ChangeActionStatusValidator() =>
        RuleFor(x => x.Status).Cascade(CascadeMode.Stop).NotNull().WithMessage(Choose).IsInEnum().WithMessage(Choose);
}

internal sealed class ChangeActionStatusHandler(ActionPlanSteps steps) : IRequestHandler<ChangeActionStatus, Unit>
{
    public async Task<Unit> Handle(ChangeActionStatus request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.Key, null, cancellationToken);
        if (stream.Aggregate!.ChangeActionStatus(request.ActionId, request.Status!.Value, request.ExpectedVersion, steps.Now) is { } changed)
        {
            stream.AppendOne(changed);
        }
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder contact, Func<string, ContactKey> keyOf, string name, string how) =>
        contact.MapPost("/actions/{actionId:guid}/status", async (string key, Guid actionId, StatusBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ChangeActionStatus(keyOf(key), actionId, body.Status, body.ExpectedVersion), ct);
                return TypedResults.Ok(await mediator.Send(new GetContactActionPlan(keyOf(key)), ct));
            })
            .WithName("ChangeActionStatus" + name).WithSummary($"Status van een actie bijwerken, {how}");

    internal sealed record StatusBody(ActionStatus? Status, long? ExpectedVersion);
}
